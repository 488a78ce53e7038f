package io.tierline.search.internal;

import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tierline.search.SearchDocument;
import io.tierline.search.SearchSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Fallback;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

/** The {@link SearchSource} beans by type; a {@link Fallback} source gives way to another of its type. */
@Component
public class Sources {

	private final ObjectProvider<SearchSource> provider;
	private volatile Map<SearchDocument.Type, SearchSource> byType;

	/** Looked up on first use: a source may itself depend on {@link io.tierline.search.SearchIndexing}. */
	Sources(ObjectProvider<SearchSource> provider) {
		this.provider = provider;
	}

	private Map<SearchDocument.Type, SearchSource> byType() {
		if (byType == null) {
			byType = collect(provider.orderedStream().toList());
		}
		return byType;
	}

	private static Map<SearchDocument.Type, SearchSource> collect(List<SearchSource> sources) {
		Map<SearchDocument.Type, SearchSource> byType = new EnumMap<>(SearchDocument.Type.class);
		for (SearchSource source : sources) {
			SearchSource other = byType.get(source.type());
			if (other == null || isFallback(other)) {
				byType.put(source.type(), source);
			}
			else if (!isFallback(source)) {
				throw new IllegalStateException("Two search sources for " + source.type() + ": " + other.getClass().getName()
						+ " and " + source.getClass().getName());
			}
		}
		return byType;
	}

	public Optional<SearchSource> of(SearchDocument.Type type) {
		return Optional.ofNullable(byType().get(type));
	}

	public Collection<SearchSource> all() {
		return byType().values();
	}

	private static boolean isFallback(SearchSource source) {
		return AnnotationUtils.findAnnotation(source.getClass(), Fallback.class) != null;
	}
}
