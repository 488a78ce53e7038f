package io.tierline.selfservice;

import java.util.List;

/**
 * Where the assistant's answers come from: the knowledge base and its search implement this. It must
 * only ever answer with published, public material of {@code clientId} (SPEC §6: tier 0 shows a
 * requester nothing internal).
 */
public interface SelfServiceAnswers {

	List<SuggestedAnswer> answer(long clientId, String question, int limit);
}
