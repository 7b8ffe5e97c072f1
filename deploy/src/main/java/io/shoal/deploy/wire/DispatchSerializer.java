package io.shoal.deploy.wire;

import akka.serialization.SerializerWithStringManifest;
import io.shoal.api.dispatch.DispatchProtocol;
import io.shoal.api.proto.DispatchProto;
import java.io.NotSerializableException;

/**
 * Binds the worker ⇄ dispatcher protocol to Akka remoting. It lives here because both ends (manager and
 * worker modules) need it and only this module sees both; the encoding itself is the plain-Java
 * {@link DispatchProto} in api.
 */
public final class DispatchSerializer extends SerializerWithStringManifest {
    @Override
    public int identifier() {
        return 427_002;
    }

    @Override
    public String manifest(Object o) {
        return DispatchProto.manifest(wire(o));
    }

    @Override
    public byte[] toBinary(Object o) {
        return DispatchProto.toBinary(wire(o));
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        try {
            return DispatchProto.fromBinary(bytes, manifest);
        } catch (IllegalArgumentException e) {
            throw new NotSerializableException(e.getMessage());
        }
    }

    private static DispatchProtocol.Wire wire(Object o) {
        if (o instanceof DispatchProtocol.Wire w) {
            return w;
        }
        throw new IllegalArgumentException("not a dispatch protocol message: " + o.getClass().getName());
    }
}
