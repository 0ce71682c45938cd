package org.jsi4j.v8;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * The Chrome DevTools endpoint of one inspected V8 runtime, as Node serves it: on one port, the
 * HTTP discovery documents {@code /json/version} and {@code /json/list} (also {@code /json}) and
 * the WebSocket {@code ws://HOST:PORT/ID} that carries the protocol's messages, one debugger at a
 * time (a second one is refused with 409 while the first is attached). Requests whose
 * {@code Host} header is neither an IP address nor {@code localhost} are refused, as Node does
 * against DNS rebinding. Built on Netty, which serves HTTP and WebSocket on one port; the JDK's
 * HTTP server cannot hand a connection over to WebSocket.
 */
final class V8DevToolsServer implements AutoCloseable {
    /** What the debugger on the WebSocket does, reported on Netty's thread. */
    interface Session {
        /** A debugger attached. */
        void attached();

        /** The attached debugger sent a text message. */
        void message(String text);

        /** The attached debugger went away (closed, or its connection broke). */
        void detached();
    }

    /** Biggest protocol message accepted (a Runtime.evaluate of a big expression). */
    private static final int MAX_MESSAGE = 16 << 20;
    private static final Pattern LOCAL_HOST = Pattern.compile("(localhost|[0-9.]+|\\[[0-9a-fA-F:.]+\\])(:\\d+)?");

    private final EventLoopGroup group;
    private final Channel listening;
    private final String id = UUID.randomUUID().toString();
    private final String host;
    private final int port;
    private final String title;
    private final String version;
    private final Session session;
    private final AtomicReference<Channel> debugger = new AtomicReference<>();

    private V8DevToolsServer(String host, int port, String title, String version, Session session) {
        this.host = host;
        this.title = title;
        this.version = version;
        this.session = session;
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("jsi4j-v8-devtools", true), NioIoHandler.newFactory());
        try {
            listening = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(64 << 10), new Http());
                        }
                    }).bind(host, port).syncUninterruptibly().channel();
        } catch (Exception e) { // BindException, UnresolvedAddressException... (Netty rethrows them unchecked)
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalArgumentException("V8's inspector cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + "); give v8.inspect another port", e);
        }
        this.port = ((InetSocketAddress) listening.localAddress()).getPort();
    }

    /**
     * Listens on {@code host:port} (0: any free port).
     *
     * @throws IllegalArgumentException when nothing can listen there (the port is taken, the host unknown)
     */
    static V8DevToolsServer start(String host, int port, String title, String version, Session session) {
        return new V8DevToolsServer(host, port, title, version, session);
    }

    /** The debugger's WebSocket URL, {@code ws://HOST:PORT/ID}. */
    String webSocketUrl() {
        return "ws://" + hostPort() + "/" + id;
    }

    /** The URL that opens Chrome's DevTools on this runtime. */
    String devToolsUrl() {
        return "devtools://devtools/bundled/js_app.html?ws=" + hostPort() + "/" + id;
    }

    private String hostPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Sends a protocol message to the attached debugger; dropped when none is attached. Any thread. */
    void send(String message) {
        Channel c = debugger.get();
        if (c != null) c.writeAndFlush(new TextWebSocketFrame(message));
    }

    /** Stops listening and drops the debugger, waiting at most a second for Netty's thread. */
    @Override
    public void close() {
        Channel c = debugger.getAndSet(null);
        if (c != null) c.close();
        listening.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    private String targets() {
        String ws = hostPort() + "/" + id;
        return "[{\"description\":\"jsi4j V8 runtime\",\"devtoolsFrontendUrl\":" + json(devToolsUrl())
                + ",\"devtoolsFrontendUrlCompat\":" + json("devtools://devtools/bundled/inspector.html?experiments=true&v8only=true&ws=" + ws)
                + ",\"id\":" + json(id) + ",\"title\":" + json(title) + ",\"type\":\"node\",\"url\":" + json(title)
                + ",\"webSocketDebuggerUrl\":" + json("ws://" + ws) + "}]";
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String contentType, String body) {
        var response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType + "; charset=UTF-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** The HTTP side: discovery documents, and the upgrade of the debugger's connection. */
    private final class Http extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            String hostHeader = request.headers().get(HttpHeaderNames.HOST, "");
            if (!hostHeader.isEmpty() && !LOCAL_HOST.matcher(hostHeader).matches()) {
                respond(ctx, HttpResponseStatus.BAD_REQUEST, "text/plain", "Host header is neither an IP address nor localhost\n");
                return;
            }
            String path = request.uri().replaceFirst("\\?.*", "");
            if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                upgrade(ctx, request, path);
                return;
            }
            switch (path) {
                case "/json", "/json/", "/json/list", "/json/list/" -> respond(ctx, HttpResponseStatus.OK, "application/json", targets());
                case "/json/version", "/json/version/" -> respond(ctx, HttpResponseStatus.OK, "application/json",
                        "{\"Browser\":" + json("jsi4j/" + version) + ",\"Protocol-Version\":\"1.1\"}");
                default -> respond(ctx, HttpResponseStatus.NOT_FOUND, "text/plain", "Unknown path " + path
                        + "; the debugger's WebSocket is " + webSocketUrl() + "\n");
            }
        }

        private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String path) {
            if (!path.equals("/" + id)) {
                respond(ctx, HttpResponseStatus.NOT_FOUND, "text/plain", "No runtime at " + path + "; it is " + webSocketUrl() + "\n");
                return;
            }
            if (!debugger.compareAndSet(null, ctx.channel())) {
                respond(ctx, HttpResponseStatus.CONFLICT, "text/plain", "A debugger is already attached to this runtime\n");
                return;
            }
            WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(webSocketUrl(), null, false, MAX_MESSAGE)
                    .newHandshaker(request);
            if (handshaker == null) {
                debugger.set(null);
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            ctx.pipeline().replace(this, "frames", new Frames(handshaker));
            ctx.pipeline().addBefore("frames", "whole", new WebSocketFrameAggregator(MAX_MESSAGE));
            handshaker.handshake(ctx.channel(), request).addListener(done -> {
                if (done.isSuccess()) session.attached();
                else ctx.close();
            });
        }
    }

    /** The WebSocket side: text frames are protocol messages; binary ones are not the protocol and are ignored. */
    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final WebSocketServerHandshaker handshaker;

        Frames(WebSocketServerHandshaker handshaker) {
            this.handshaker = handshaker;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                session.message(text.text());
            } else if (frame instanceof PingWebSocketFrame) {
                ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
            } else if (frame instanceof CloseWebSocketFrame) {
                handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (debugger.compareAndSet(ctx.channel(), null)) session.detached();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a broken frame or connection: the debugger is gone (channelInactive follows)
        }
    }
}
