package io.tierline.routing.internal;

/** An agent who may be given a ticket, with their load (open tickets weighted by severity) when read. */
record Candidate(long userId, String email, Availability availability, int load) {

	int room() {
		return availability.capacity() - load;
	}

	/** Share of capacity in use, for least loaded: 0 idle .. 1 full. */
	double utilisation() {
		return (double) load / availability.capacity();
	}
}
