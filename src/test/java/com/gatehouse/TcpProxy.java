package com.gatehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on a free loopback port in front of a server on this machine, that a test can cut
 * (every connection dropped, new ones refused, as when a store goes away) and restore on the same
 * port. The server behind it stays up, so what the service sees is exactly a network fault.
 */
public final class TcpProxy implements AutoCloseable {

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket listener;

	public TcpProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.listener = listen(0);
		this.port = this.listener.getLocalPort();
		acceptInBackground(this.listener);
	}

	public int port() {
		return this.port;
	}

	/** Drops every open connection and refuses new ones until {@link #restore()}. */
	public synchronized void cut() throws IOException {
		this.listener.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	public synchronized void restore() throws IOException {
		if (this.listener.isClosed()) {
			this.listener = listen(this.port);
			acceptInBackground(this.listener);
		}
	}

	@Override
	public void close() throws IOException {
		cut();
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket listener = new ServerSocket();
		listener.setReuseAddress(true);
		listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		return listener;
	}

	private void acceptInBackground(ServerSocket listener) {
		daemon(() -> {
			while (!listener.isClosed()) {
				try {
					Socket client = listener.accept();
					Socket server = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
					this.sockets.add(client);
					this.sockets.add(server);
					daemon(() -> pump(client, server));
					daemon(() -> pump(server, client));
				}
				catch (IOException closedOrRefused) {
					// cut() closed the listener, or the target refused: the client sees a dropped connection
				}
			}
		});
	}

	private static void pump(Socket from, Socket to) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			in.transferTo(out);
		}
		catch (IOException dropped) {
			// one side went away; closing both below ends the other direction too
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// already closed
		}
	}

	private static void daemon(Runnable work) {
		Thread thread = new Thread(work, "tcp-proxy");
		thread.setDaemon(true);
		thread.start();
	}
}
