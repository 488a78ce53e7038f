package io.tierline.routing;

/** How a queue hands out its tickets (issue 9). */
public enum RoutingStrategy {
	/** nobody is picked; a lead or agent assigns */
	MANUAL,
	/** the next available agent after the one picked last */
	ROUND_ROBIN,
	/** the available agent with the most room: open tickets weighted by severity against capacity */
	LEAST_LOADED,
	/** the available agent whose skills best match the ticket; load breaks ties */
	SKILLS
}
