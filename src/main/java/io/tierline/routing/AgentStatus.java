package io.tierline.routing;

/** An agent's availability; only {@code AVAILABLE} agents on shift are picked. */
public enum AgentStatus {
	AVAILABLE, AWAY, OFFLINE
}
