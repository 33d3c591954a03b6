package io.tandem.command.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/** Counts the bytes read and fails with {@link PayloadTooLargeException} once more than the limit arrive. */
final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final long limitBytes;
    private long count;

    LimitedInputStream(ServletInputStream delegate, long limitBytes) {
        this.delegate = delegate;
        this.limitBytes = limitBytes;
    }

    @Override
    public int read() throws IOException {
        int next = delegate.read();
        if (next >= 0) {
            count(1);
        }
        return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = delegate.read(buffer, offset, length);
        if (read > 0) {
            count(read);
        }
        return read;
    }

    private void count(int read) throws PayloadTooLargeException {
        count += read;
        if (count > limitBytes) {
            throw new PayloadTooLargeException(limitBytes);
        }
    }

    @Override
    public boolean isFinished() {
        return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        delegate.setReadListener(listener);
    }
}
