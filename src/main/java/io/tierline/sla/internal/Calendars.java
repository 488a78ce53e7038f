package io.tierline.sla.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.tierline.sla.BusinessCalendar;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stored business calendars; the week and holidays are JSON beside the zone. */
@Repository
public class Calendars {

	private static final TypeReference<Map<String, List<Map<String, String>>>> WEEK = new TypeReference<>() {
	};
	private static final TypeReference<List<String>> DATES = new TypeReference<>() {
	};

	public record Stored(long id, long clientId, String name, BusinessCalendar calendar, Instant updatedAt) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	Calendars(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<Stored> find(long id) {
		return jdbc.sql("select * from business_calendars where id = ?").param(id).query(this::stored).optional();
	}

	public List<Stored> ofClients(List<Long> clientIds) {
		if (clientIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select * from business_calendars where client_id in (:clients) order by client_id, id")
			.param("clients", clientIds).query(this::stored).list();
	}

	public long insert(long clientId, String name, BusinessCalendar calendar, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("insert into business_calendars (client_id, name, zone, week, holidays, updated_at) values (?, ?, ?, ?, ?, ?)")
			.params(clientId, name, calendar.zone().getId(), week(calendar), holidays(calendar), at).update(keys, "id");
		return keys.getKey().longValue();
	}

	public void update(long id, String name, BusinessCalendar calendar, Instant at) {
		jdbc.sql("update business_calendars set name = ?, zone = ?, week = ?, holidays = ?, updated_at = ? where id = ?")
			.params(name, calendar.zone().getId(), week(calendar), holidays(calendar), at, id).update();
	}

	private String week(BusinessCalendar calendar) {
		Map<String, List<Map<String, String>>> week = new LinkedHashMap<>();
		calendar.week().forEach((day, intervals) -> week.put(day.name(),
				intervals.stream().map(i -> Map.of("start", i.start().toString(), "end", i.end().toString())).toList()));
		return json.writeValueAsString(week);
	}

	private String holidays(BusinessCalendar calendar) {
		return json.writeValueAsString(new TreeSet<>(calendar.holidays()).stream().map(LocalDate::toString).toList());
	}

	private Stored stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Map<DayOfWeek, List<BusinessCalendar.Interval>> week = new EnumMap<>(DayOfWeek.class);
		json.readValue(rs.getString("week"), WEEK).forEach((day, intervals) -> week.put(DayOfWeek.valueOf(day), intervals.stream()
			.map(i -> new BusinessCalendar.Interval(LocalTime.parse(i.get("start")), LocalTime.parse(i.get("end")))).toList()));
		Set<LocalDate> holidays = new TreeSet<>(json.readValue(rs.getString("holidays"), DATES).stream().map(LocalDate::parse).toList());
		return new Stored(rs.getLong("id"), rs.getLong("client_id"), rs.getString("name"),
				new BusinessCalendar(ZoneId.of(rs.getString("zone")), week, holidays), io.tierline.common.Rows.instant(rs, "updated_at"));
	}
}
