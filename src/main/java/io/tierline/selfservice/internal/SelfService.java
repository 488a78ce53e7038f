package io.tierline.selfservice.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.tierline.access.AccessManagement;
import io.tierline.access.Caller;
import io.tierline.access.ClientRef;
import io.tierline.access.Role;
import io.tierline.common.ConflictException;
import io.tierline.common.ForbiddenException;
import io.tierline.common.InputCheck;
import io.tierline.common.NotFoundException;
import io.tierline.selfservice.SelfServiceAnswers;
import io.tierline.selfservice.SuggestedAnswer;
import io.tierline.ticket.Channel;
import io.tierline.ticket.NewTicket;
import io.tierline.ticket.TicketManagement;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tier-0 sessions (SPEC §6): only a requester of the client uses the assistant; it answers from
 * {@link SelfServiceAnswers} (published public articles and diagnostic trees) and the session ends
 * DEFLECTED or ESCALATED into a web ticket that carries the whole transcript and every article shown.
 */
@Service
public class SelfService {

	static final int ANSWERS = 3;
	static final String EXTRACTIVE = "These may solve it. If one does, tell me; if not, ask for help and an agent gets this conversation.";

	private static final TypeReference<List<Turn>> TURNS = new TypeReference<>() {
	};

	private final SelfServiceSessions sessions;
	private final ObjectProvider<SelfServiceAnswers> answers;
	private final Recontacts recontacts;
	private final GenerativeReply generative;
	private final TicketManagement tickets;
	private final AccessManagement access;
	private final JsonMapper json;
	private final Clock clock;

	SelfService(SelfServiceSessions sessions, ObjectProvider<SelfServiceAnswers> answers, Recontacts recontacts,
			GenerativeReply generative, TicketManagement tickets, AccessManagement access, JsonMapper json, Clock clock) {
		this.sessions = sessions;
		this.answers = answers;
		this.recontacts = recontacts;
		this.generative = generative;
		this.tickets = tickets;
		this.access = access;
		this.json = json;
		this.clock = clock;
	}

	/** The clients the caller may ask as a requester. */
	public List<ClientRef> clientsOf(Caller caller) {
		return access.clients().stream().filter(c -> caller.has(Role.REQUESTER, c.id())).toList();
	}

	@Transactional
	public SessionView start(Caller caller, String client, String question) {
		var check = new InputCheck();
		String text = text(question, check);
		ClientRef ref = client(caller, client, check);
		check.throwIfInvalid();
		Instant now = clock.instant();
		recontacts.contact(caller.userId(), ref.id(), text, now, "session");
		List<Turn> turns = new ArrayList<>(List.of(Turn.requester(text)));
		turns.add(reply(ref.id(), text));
		long id = sessions.insert(ref.id(), caller.userId(), text, json.writeValueAsString(turns), shown(turns), now);
		return view(sessions.find(id).orElseThrow());
	}

	@Transactional
	public SessionView ask(Caller caller, long id, String question) {
		var check = new InputCheck();
		String text = text(question, check);
		check.throwIfInvalid();
		var row = openSession(caller, id);
		List<Turn> turns = new ArrayList<>(turns(row.transcript()));
		turns.add(Turn.requester(text));
		turns.add(reply(row.clientId(), text));
		sessions.conversation(id, json.writeValueAsString(turns), shown(turns));
		return view(sessions.find(id).orElseThrow());
	}

	/** "This solved it." */
	@Transactional
	public SessionView deflect(Caller caller, long id) {
		openSession(caller, id);
		sessions.end(id, "DEFLECTED", null, clock.instant());
		return view(sessions.find(id).orElseThrow());
	}

	/** "I still need help": a ticket with the transcript, so the requester repeats nothing. */
	@Transactional
	public SessionView escalate(Caller caller, long id, String subject) {
		var row = openSession(caller, id);
		ClientRef client = access.organization(row.clientId());
		List<Turn> turns = turns(row.transcript());
		String title = subject == null || subject.isBlank() ? firstLine(row.question()) : subject.strip();
		var opened = tickets.open(caller, new NewTicket(client.slug(), null, title, Transcripts.asText(turns), Channel.WEB.name(), null,
				null, null, null, null, List.of("self-service"), null), Channel.WEB, "selfservice-session-" + id);
		sessions.end(id, "ESCALATED", opened.ticketId(), clock.instant());
		return view(sessions.find(id).orElseThrow());
	}

	public SessionView get(Caller caller, long id) {
		return view(mine(caller, id));
	}

	public List<SessionView> recent(Caller caller) {
		return sessions.recent(caller.userId(), 10).stream().map(this::view).toList();
	}

	private Turn reply(long clientId, String question) {
		List<SuggestedAnswer> found = answers.orderedStream().flatMap(a -> a.answer(clientId, question, ANSWERS).stream())
			.sorted((a, b) -> Double.compare(b.score(), a.score())).limit(ANSWERS).toList();
		String text = found.isEmpty()
				? "I found nothing in the help articles for that. If you ask for help below, an agent takes it from here with everything you wrote."
				: generative.compose(question, found).orElse(EXTRACTIVE);
		return Turn.assistant(text, found);
	}

	private SelfServiceSessions.Row openSession(Caller caller, long id) {
		var row = mine(caller, id);
		if (!"OPEN".equals(row.outcome())) {
			throw new ConflictException("outcome", "This session has ended (" + row.outcome().toLowerCase() + ")");
		}
		return row;
	}

	private SelfServiceSessions.Row mine(Caller caller, long id) {
		return sessions.find(id).filter(r -> r.requesterId() == caller.userId())
			.orElseThrow(() -> new NotFoundException("self-service session " + id));
	}

	private ClientRef client(Caller caller, String slug, InputCheck check) {
		List<ClientRef> mine = clientsOf(caller);
		if (mine.isEmpty()) {
			throw new ForbiddenException("Self-service is for requesters of a client (SPEC §6: never at T3)");
		}
		if (slug == null || slug.isBlank()) {
			if (mine.size() == 1) {
				return mine.get(0);
			}
			check.add("client", "is required: you are a requester of several clients");
			return null;
		}
		var found = mine.stream().filter(c -> c.slug().equals(slug.strip())).findFirst();
		if (found.isEmpty()) {
			check.add("client", "is not a client you are a requester of");
		}
		return found.orElse(null);
	}

	private static String text(String question, InputCheck check) {
		if (question == null || question.isBlank()) {
			check.add("text", "must describe the problem");
			return null;
		}
		check.require(question.length() <= 4000, "text", "must be at most 4000 characters");
		return question.strip();
	}

	private List<Turn> turns(String transcript) {
		return json.readValue(transcript, TURNS);
	}

	private static String shown(List<Turn> turns) {
		var ids = new LinkedHashSet<String>();
		turns.forEach(t -> t.answers().forEach(a -> ids.add(a.kind() + ":" + a.id())));
		String joined = String.join(",", ids);
		return joined.isEmpty() ? null : joined.length() > 2000 ? joined.substring(0, 2000) : joined;
	}

	private static String firstLine(String text) {
		String line = text.lines().findFirst().orElse(text).strip();
		return line.length() > 120 ? line.substring(0, 117) + "…" : line;
	}

	private SessionView view(SelfServiceSessions.Row r) {
		String ticket = r.ticketId() == null ? null : tickets.find(r.ticketId()).map(t -> t.number()).orElse(null);
		return new SessionView(r.id(), access.organization(r.clientId()).slug(), r.question(), r.outcome(), turns(r.transcript()),
				r.startedAt(), r.endedAt(), ticket, r.recontactAt());
	}
}
