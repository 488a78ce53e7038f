package io.tierline.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.tierline.search.SearchDocument;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneIndexTests {

	@TempDir
	Path dir;

	@Test
	void anIndexOfThisFormatIsKeptWithItsDocumentsAndWatermark() {
		LuceneIndex index = new LuceneIndex(dir);
		index.upsert(article(1), Embeddings.unit(vector(3f, 4f)));
		index.commit(42);
		index.close();

		LuceneIndex again = new LuceneIndex(dir);
		assertThat(again.existed()).isTrue();
		assertThat(again.watermark()).isEqualTo(42);
		int docs = again.withSearcher(s -> s.getIndexReader().numDocs());
		assertThat(docs).isEqualTo(1);
		again.close();
	}

	@Test
	void anIndexWrittenInAnotherFormatStartsEmptySoItIsRebuilt() throws Exception {
		try (var directory = FSDirectory.open(dir);
				var writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
			writer.addDocument(new org.apache.lucene.document.Document());
			writer.setLiveCommitData(Map.of("watermark", "42").entrySet()); // format 1 wrote no format
			writer.commit();
		}
		LuceneIndex index = new LuceneIndex(dir);
		assertThat(index.existed()).isFalse();
		assertThat(index.watermark()).isZero();
		int docs = index.withSearcher(s -> s.getIndexReader().numDocs());
		assertThat(docs).isZero();
		index.close();
		try (var directory = FSDirectory.open(dir)) {
			assertThat(DirectoryReader.indexExists(directory)).isTrue();
		}
	}

	@Test
	void vectorsAreScaledToUnitLengthForTheDotProduct() {
		float[] unit = Embeddings.unit(vector(3f, 4f));
		assertThat(unit[0]).isEqualTo(0.6f);
		assertThat(unit[1]).isEqualTo(0.8f);
		assertThat(Embeddings.unit(new float[Embeddings.DIMENSIONS])).containsOnly(0f);
	}

	private static float[] vector(float a, float b) {
		float[] v = new float[Embeddings.DIMENSIONS];
		v[0] = a;
		v[1] = b;
		return v;
	}

	private static SearchDocument article(long id) {
		return new SearchDocument(id, SearchDocument.Type.ARTICLE, 1, SearchDocument.Audience.PUBLIC, "PUBLISHED", List.of(),
				"Reset your password", "Open the portal and choose reset", Instant.EPOCH);
	}
}
