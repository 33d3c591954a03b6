package io.tandem.query.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.IntSupplier;

/**
 * A {@link MongoDatabase} whose collections follow a read model's generation: each call on a collection it hands out
 * goes to the physical collection of the generation current at that moment ({@link ReadModels#physicalName}). The
 * repositories keep using plain collection names and never learn about generations.
 */
final class GenerationRouting {

    private GenerationRouting() {
    }

    static MongoDatabase database(MongoDatabase database, IntSupplier generation) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().equals("getCollection") && args != null && args.length >= 1) {
                return collection(database, (String) args[0], args.length == 2 ? (Class<?>) args[1] : null,
                        generation);
            }
            return invoke(method, database, args);
        };
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, handler);
    }

    private static MongoCollection<?> collection(MongoDatabase database, String name, Class<?> documentClass,
                                                 IntSupplier generation) {
        InvocationHandler handler = (proxy, method, args) -> {
            String physical = ReadModels.physicalName(name, generation.getAsInt());
            MongoCollection<?> target = documentClass == null ? database.getCollection(physical)
                    : database.getCollection(physical, documentClass);
            return invoke(method, target, args);
        };
        return (MongoCollection<?>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[] {MongoCollection.class}, handler);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
