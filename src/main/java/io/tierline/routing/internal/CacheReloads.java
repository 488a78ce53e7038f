package io.tierline.routing.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The one background thread that reloads routing's per-node caches ({@link RefreshingCache}). */
@Component
class CacheReloads implements Executor, DisposableBean {

	private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "routing-cache-reload");
		t.setDaemon(true);
		return t;
	});

	@Override
	public void execute(Runnable reload) {
		thread.execute(reload);
	}

	@Override
	public void destroy() {
		thread.shutdownNow();
	}
}
