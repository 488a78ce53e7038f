package io.tierline.common;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * Lets every query bind {@link Instant} parameters. H2 accepts them, the PostgreSQL driver does
 * not ("can't infer the SQL type"); binding them as UTC {@link OffsetDateTime} in one place keeps
 * time as {@code Instant} everywhere in the code (STYLE: time is Instant in the database).
 */
@Component
class InstantBinding implements BeanPostProcessor {

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return bean instanceof DataSource dataSource && !(bean instanceof InstantBindingDataSource)
				? new InstantBindingDataSource(dataSource) : bean;
	}

	static final class InstantBindingDataSource extends DelegatingDataSource {

		InstantBindingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return wrap(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return wrap(super.getConnection(username, password));
		}

		private static Connection wrap(Connection connection) {
			return proxy(Connection.class, connection, (method, args) -> {
				Object result = method.invoke(connection, args);
				return result instanceof PreparedStatement statement && method.getName().startsWith("prepare")
						? statement(statement, method.getReturnType()) : result;
			});
		}

		private static Object statement(PreparedStatement statement, Class<?> type) {
			return proxy(type, statement, (method, args) -> {
				if (method.getName().equals("setObject") && args != null && args.length >= 2 && args[1] instanceof Instant instant) {
					statement.setObject((Integer) args[0], OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
					return null;
				}
				return method.invoke(statement, args);
			});
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Class<T> type, Object target, Call call) {
			InvocationHandler handler = (p, method, args) -> {
				try {
					return call.invoke(method, args);
				}
				catch (InvocationTargetException e) {
					throw e.getTargetException();
				}
			};
			return (T) Proxy.newProxyInstance(InstantBinding.class.getClassLoader(), new Class<?>[] { type }, handler);
		}

		@FunctionalInterface
		private interface Call {
			Object invoke(Method method, Object[] args) throws Exception;
		}
	}
}
