package io.tierline.ticket.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Flat event data is written exactly as Jackson writes it; anything else is left to Jackson. */
class FlatJsonProperties {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Property(tries = 2000)
	void flatDataIsWrittenAsJacksonWritesIt(@ForAll("flatData") Map<String, Object> data) {
		assertThat(FlatJson.write(data, JSON)).isEqualTo(JSON.writeValueAsString(data));
	}

	@Provide
	Arbitrary<Map<String, Object>> flatData() {
		Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(12);
		Arbitrary<Object> value = Arbitraries.oneOf(text.map(s -> (Object) s), Arbitraries.integers().map(i -> (Object) i),
				Arbitraries.longs().map(l -> (Object) l), Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null));
		return Arbitraries.maps(text, value).ofMaxSize(5).map(LinkedHashMap::new);
	}

	@Test
	void nestedOrFractionalValuesGoToJackson() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("ids", List.of(1, 2));
		data.put("ratio", 0.5);
		assertThat(FlatJson.write(data, JSON)).isEqualTo("{\"ids\":[1,2],\"ratio\":0.5}");
	}
}
