package io.tierline.channel.chat;

import java.time.Instant;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Chats as the API shows them, within the caller's grants; and each client's chat settings. */
@Service
class ChatReading {

	record ChatView(long id, String client, String state, String visitorName, String visitorEmail, Instant requestedAt,
			Instant offeredAt, Instant acceptedAt, Instant endedAt, String agent, String ticket) {
	}

	record LineView(String from, String name, String text, Instant at) {
	}

	record Transcript(ChatView chat, List<LineView> lines) {
	}

	/** {@code next}: the {@code after} to ask for the following page; null on the last page. */
	record Page(List<ChatView> chats, Long next) {
	}

	record SettingsView(String client, boolean enabled, List<String> allowedOrigins) {
	}

	private final Chats chats;
	private final ChatSettings settings;
	private final ChatTickets tickets;
	private final AccessManagement access;

	ChatReading(Chats chats, ChatSettings settings, ChatTickets tickets, AccessManagement access) {
		this.chats = chats;
		this.settings = settings;
		this.tickets = tickets;
		this.access = access;
	}

	Page list(Caller caller, String state, String client, Long after, Integer limit) {
		var check = new InputCheck();
		Chat.State wanted = check.enumValue(state, Chat.State.class, "state", Chat.State.WAITING);
		ClientRef only = check.lookup(client, slug -> access.clientBySlug(slug).filter(c -> ChatAccess.mayRead(caller, c.id())),
				"client", "client");
		int size = limit == null ? 50 : limit;
		check.require(size >= 1 && size <= 200, "limit", "must be between 1 and 200");
		check.require(after == null || after >= 0, "after", "must not be negative");
		check.throwIfInvalid();
		List<Long> clients = only != null ? List.of(only.id()) : ChatAccess.readableClients(caller, access);
		List<ChatView> page = chats.inState(clients, wanted, after == null ? 0 : after, size).stream().map(this::view).toList();
		return new Page(page, page.size() == size ? page.get(size - 1).id() : null);
	}

	Transcript transcript(Caller caller, long id) {
		Chat chat = ChatAccess.readable(caller, chats.find(id).orElseThrow(() -> new NotFoundException("Chat " + id)));
		String agent = chat.agentId() == null ? null : tickets.agentName(chat.agentId());
		List<LineView> lines = chats.lines(id).stream()
			.map(l -> new LineView(l.author().name().toLowerCase(), l.author() == ChatLine.Author.AGENT ? agent : chat.visitorName(),
					l.body(), l.at()))
			.toList();
		return new Transcript(view(chat), lines);
	}

	SettingsView settings(Caller caller, String client) {
		ClientRef ref = administered(caller, client);
		var setting = settings.of(ref.id()).orElse(new ChatSettings.Setting(ref.id(), false, List.of()));
		return new SettingsView(ref.slug(), setting.enabled(), setting.origins());
	}

	/** Origins are compared exactly with the browser's Origin header: scheme, host and port, no path. */
	@Transactional
	SettingsView saveSettings(Caller caller, String client, Boolean enabled, List<String> origins) {
		ClientRef ref = administered(caller, client);
		var check = new InputCheck();
		check.require(enabled != null, "enabled", "must be true or false");
		List<String> list = origins == null ? List.of() : origins;
		check.require(list.size() <= 20, "allowedOrigins", "at most 20 origins");
		list.forEach(o -> check.require(o != null && o.matches("https?://[A-Za-z0-9.-]+(:\\d{1,5})?"), "allowedOrigins",
				"each origin is scheme://host[:port], e.g. https://www.example.com"));
		check.throwIfInvalid();
		settings.save(ref.id(), enabled, list);
		return settings(caller, client);
	}

	private ClientRef administered(Caller caller, String client) {
		ClientRef ref = access.clientBySlug(client).filter(c -> ChatAccess.mayRead(caller, c.id()))
			.orElseThrow(() -> new NotFoundException("Client " + client));
		if (!caller.hasScope("admin") || !(caller.isProviderAdmin() || caller.isClientAdmin(ref.id()))) {
			throw new ForbiddenException("Only an admin of this client changes or reads its chat settings");
		}
		return ref;
	}

	private ChatView view(Chat chat) {
		return new ChatView(chat.id(), access.organization(chat.clientId()).slug(), chat.state().name(), chat.visitorName(),
				chat.visitorEmail(), chat.requestedAt(), chat.offeredAt(), chat.acceptedAt(), chat.endedAt(),
				chat.agentId() == null ? null : access.user(chat.agentId()).email(),
				chat.ticketId() == null ? null : tickets.number(chat.ticketId()));
	}
}
