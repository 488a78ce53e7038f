package io.tierline.escalation.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.tierline.common.Tier;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Per category: owned or escalated, and its environment capture template. A category without a row has the defaults. */
@Repository
public class CategoryPolicies {

	private static final TypeReference<List<CaptureField>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;

	CategoryPolicies(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public CategoryPolicy of(long clientId, Long categoryId) {
		if (categoryId == null) {
			return CategoryPolicy.defaultFor(-1, clientId);
		}
		return jdbc.sql("select * from category_policies where category_id = ? and client_id = ?").params(categoryId, clientId)
			.query((rs, n) -> new CategoryPolicy(categoryId, clientId, CategoryPolicy.Handling.valueOf(rs.getString("handling")),
					rs.getString("owner_tier") == null ? null : Tier.valueOf(rs.getString("owner_tier")),
					new CaptureTemplate(json.readValue(rs.getString("capture_template"), FIELDS))))
			.optional()
			.orElse(CategoryPolicy.defaultFor(categoryId, clientId));
	}

	public List<CategoryPolicy> ofClient(long clientId, List<Long> categoryIds) {
		return categoryIds.stream().map(id -> of(clientId, id)).toList();
	}

	public void save(CategoryPolicy p, Instant at) {
		String template = json.writeValueAsString(p.template().fields());
		String owner = p.ownerTier() == null ? null : p.ownerTier().name();
		int updated = jdbc.sql("""
				update category_policies set handling = ?, owner_tier = ?, capture_template = ?, updated_at = ?
				where category_id = ? and client_id = ?""")
			.params(p.handling().name(), owner, template, at, p.categoryId(), p.clientId()).update();
		if (updated == 0) {
			try {
				jdbc.sql("""
						insert into category_policies (category_id, client_id, handling, owner_tier, capture_template, updated_at)
						values (?, ?, ?, ?, ?, ?)""")
					.params(p.categoryId(), p.clientId(), p.handling().name(), owner, template, at).update();
			}
			catch (DuplicateKeyException concurrentFirstSave) {
				save(p, at);
			}
		}
	}

	static List<String> typeNames() {
		return Arrays.stream(CaptureField.Type.values()).map(Enum::name).toList();
	}
}
