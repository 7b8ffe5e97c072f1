package io.shoal.deploy.wire;

import akka.serialization.SerializerWithStringManifest;
import io.shoal.api.logs.LogsProtocol;
import io.shoal.api.proto.LogsProto;
import java.io.NotSerializableException;

/**
 * Binds the task-logs protocol (manager ⇄ the worker running the task, and the lines inside its stream
 * reference) to Akka remoting; the encoding is the plain-Java {@link LogsProto} in api.
 */
public final class LogsSerializer extends SerializerWithStringManifest {
    @Override
    public int identifier() {
        return 427_010;
    }

    @Override
    public String manifest(Object o) {
        return LogsProto.manifest(wire(o));
    }

    @Override
    public byte[] toBinary(Object o) {
        return LogsProto.toBinary(wire(o));
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try {
            return LogsProto.fromBinary(bytes, manifest);
        } catch (IllegalArgumentException e) {
            throw new NotSerializableException(e.getMessage());
        }
    }

    private static LogsProtocol.Wire wire(Object o) {
        if (o instanceof LogsProtocol.Wire w) {
            return w;
        }
        throw new IllegalArgumentException("not a logs protocol message: " + o.getClass().getName());
    }
}
