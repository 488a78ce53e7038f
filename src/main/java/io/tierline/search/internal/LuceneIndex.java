package io.tierline.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.tierline.search.SearchDocument;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * One node's Lucene index: text fields for BM25, an HNSW vector per document, and the log
 * watermark stored in each commit's user data, so the index and "how far it has read" are
 * always saved together.
 */
public class LuceneIndex implements AutoCloseable {

	static final String KEY = "key", TYPE = "type", ID = "id", CLIENT = "client", AUDIENCE = "audience", STATUS = "status",
			PRODUCT = "product", TITLE = "title", BODY = "body", UPDATED = "updated", VECTOR = "vec";

	private static final String WATERMARK = "watermark";
	private static final String FORMAT_KEY = "format";
	/**
	 * What the documents of this code look like; an index of another format is rebuilt. 2: unit
	 * vectors compared by dot product (cheaper than cosine, which divides by both norms every time).
	 */
	static final String FORMAT = "2";

	/** Body positions and offsets in the postings: highlighting needs no re-analysis. */
	private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);
	static {
		BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
		BODY_TYPE.freeze();
	}

	private final Analyzer analyzer = new EnglishAnalyzer();
	private final Directory directory;
	private final IndexWriter writer;
	private final SearcherManager searchers;
	private final boolean existed;
	private boolean closed;

	/** Opens the index at {@code path}, creating an empty one when there is none ({@link #existed} tells which). */
	public LuceneIndex(Path path) {
		try {
			Files.createDirectories(path);
			directory = FSDirectory.open(path);
			// an index written in another format (another vector similarity, other fields) is thrown away and rebuilt
			existed = DirectoryReader.indexExists(directory)
					&& FORMAT.equals(SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY));
			IndexWriterConfig config = new IndexWriterConfig(analyzer)
				.setOpenMode(existed ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
				.setRAMBufferSizeMB(64)
				// what is not committed belongs to an unfinished rebuild or batch: the last commit stays the truth
				.setCommitOnClose(false);
			writer = new IndexWriter(directory, config);
			if (!existed) {
				commit(0);
			}
			searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Whether an index was on disk when this one was opened (else it starts empty and must be rebuilt). */
	public boolean existed() {
		return existed;
	}

	public Analyzer analyzer() {
		return analyzer;
	}

	public void upsert(SearchDocument doc, float[] vector) {
		try {
			writer.updateDocument(new Term(KEY, key(doc.type(), doc.id())), document(doc, vector));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void delete(SearchDocument.Type type, long id) {
		try {
			writer.deleteDocuments(new Term(KEY, key(type, id)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void deleteAll() {
		try {
			writer.deleteAll();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Merges the index into one segment (one HNSW graph to search): after a rebuild, before its commit. */
	public void optimize() {
		try {
			writer.forceMerge(1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Saves everything written so far together with the log position it reflects. */
	public void commit(long watermark) {
		try {
			writer.setLiveCommitData(Map.of(WATERMARK, Long.toString(watermark), FORMAT_KEY, FORMAT).entrySet());
			writer.commit();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Makes what was written visible to searches. */
	public void refresh() {
		try {
			searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The log position of the last commit. */
	public long watermark() {
		try {
			String value = SegmentInfos.readLatestCommit(directory).getUserData().get(WATERMARK);
			return value == null ? 0 : Long.parseLong(value);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public <T> T withSearcher(SearchWork<T> work) {
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				return work.run(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public interface SearchWork<T> {
		T run(IndexSearcher searcher) throws IOException;
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String key(SearchDocument.Type type, long id) {
		return type.name() + ":" + id;
	}

	private static Document document(SearchDocument doc, float[] vector) {
		Document d = new Document();
		d.add(new StringField(KEY, key(doc.type(), doc.id()), Field.Store.NO));
		d.add(new SortedDocValuesField(KEY, new BytesRef(key(doc.type(), doc.id()))));
		d.add(new StringField(TYPE, doc.type().name(), Field.Store.YES));
		d.add(new StoredField(ID, doc.id()));
		d.add(new StringField(CLIENT, Long.toString(doc.clientId()), Field.Store.YES));
		d.add(new StringField(AUDIENCE, doc.audience().name(), Field.Store.YES));
		d.add(new StringField(STATUS, doc.status(), Field.Store.YES));
		for (Long product : doc.productIds()) {
			d.add(new StringField(PRODUCT, Long.toString(product), Field.Store.YES));
		}
		d.add(new TextField(TITLE, doc.title(), Field.Store.YES));
		d.add(new Field(BODY, doc.body(), BODY_TYPE));
		d.add(new StoredField(UPDATED, doc.updatedAt() == null ? 0 : doc.updatedAt().toEpochMilli()));
		d.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
		return d;
	}
}
