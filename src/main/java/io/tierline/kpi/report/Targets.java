package io.tierline.kpi.report;

/**
 * Red / amber / green against the SPEC §7 targets from practice: FCR 65–75 %, reopen < 8 %,
 * escalation accuracy ≥ 85 %, T2 AHT 25–45 min. Amber is a band just outside the target; a KPI
 * without a target is shown without a colour.
 */
enum Targets {

	FCR("fcr", "First contact resolution (7 days)", true) {
		@Override
		String rag(double v) {
			return v >= 0.65 ? "green" : v >= 0.55 ? "amber" : "red";
		}
	},
	REOPEN("reopen_rate", "Reopen rate", true) {
		@Override
		String rag(double v) {
			return v < 0.08 ? "green" : v < 0.12 ? "amber" : "red";
		}
	},
	ESCALATION_ACCURACY("escalation_accuracy", "Escalation accuracy (T3 accepted ÷ decided)", true) {
		@Override
		String rag(double v) {
			return v >= 0.85 ? "green" : v >= 0.75 ? "amber" : "red";
		}
	},
	T2_AHT("aht_T2_minutes", "T2 handling time per ticket (min)", false) {
		@Override
		String rag(double v) {
			return v >= 25 && v <= 45 ? "green" : v >= 15 && v <= 60 ? "amber" : "red";
		}
	},
	CSAT("csat", "CSAT (share of 4 and 5)", true),
	KNOWLEDGE("knowledge_contribution_rate", "Knowledge contribution rate", true),
	AHT("aht_minutes", "Handling time per ticket (min)", false),
	SLA_FIRST_RESPONSE("sla_attainment_FIRST_RESPONSE", "SLA first response met", true),
	SLA_RESOLUTION("sla_attainment_RESOLUTION", "SLA resolution met", true),
	DEFLECTION_RATE("deflection_rate", "Self-service deflection rate", true),
	DEFLECTION_ACCURACY("deflection_accuracy", "Deflection accuracy (no same-topic re-contact in 7 days)", true),
	DIAGNOSTIC_DOCUMENTATION("diagnostic_documentation_minutes_median", "Time to complete diagnostic documentation, median (min)",
			false);

	final String kpi;
	final String label;
	final boolean share;

	Targets(String kpi, String label, boolean share) {
		this.kpi = kpi;
		this.label = label;
		this.share = share;
	}

	/** "green", "amber", "red", or "" for a KPI without a target. */
	String rag(double value) {
		return "";
	}

	String format(Double value) {
		if (value == null) {
			return "–";
		}
		return share ? String.format(java.util.Locale.ROOT, "%.1f %%", value * 100) : String.format(java.util.Locale.ROOT, "%.1f", value);
	}
}
