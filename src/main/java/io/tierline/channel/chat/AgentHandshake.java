package io.tierline.channel.chat;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;

import io.tierline.access.AccessManagement;
import io.tierline.access.UserRef;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Admits the console's socket for a signed-in member of staff. The web security chain has already
 * required a session; the socket only accepts the same origin (against cross-site WebSocket
 * hijacking, the socket's equivalent of CSRF), and grants are checked per chat on every frame.
 */
@Component
class AgentHandshake implements HandshakeInterceptor {

	private final AccessManagement access;

	AgentHandshake(AccessManagement access) {
		this.access = access;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		Principal principal = request.getPrincipal();
		Optional<UserRef> user = Optional.ofNullable(principal).flatMap(p -> access.userByEmail(p.getName()))
			.filter(u -> access.callerFor(u.id()).isStaff());
		if (user.isEmpty()) {
			response.setStatusCode(HttpStatus.FORBIDDEN);
			return false;
		}
		attributes.put(ChatSockets.USER_ID, user.get().id());
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}
}
