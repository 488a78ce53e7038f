package io.tierline.channel.chat;

import java.util.Map;
import java.util.Optional;

import io.tierline.access.AccessManagement;
import io.tierline.access.ClientRef;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Admits a visitor's socket only for an existing client with chat enabled, and only from a page
 * the client allows ({@code ?client=acme}, the Origin header). A refusal is a plain 403: an
 * unknown client and a disabled one look the same.
 */
@Component
class VisitorHandshake implements HandshakeInterceptor {

	private final AccessManagement access;
	private final ChatSettings settings;

	VisitorHandshake(AccessManagement access, ChatSettings settings) {
		this.access = access;
		this.settings = settings;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		String slug = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("client");
		String origin = request.getHeaders().getOrigin();
		Optional<ClientRef> client = Optional.ofNullable(slug).flatMap(access::clientBySlug)
			.filter(c -> settings.of(c.id()).filter(s -> s.allows(origin)).isPresent());
		if (client.isEmpty()) {
			response.setStatusCode(HttpStatus.FORBIDDEN);
			return false;
		}
		attributes.put(ChatSockets.CLIENT_ID, client.get().id());
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}
}
