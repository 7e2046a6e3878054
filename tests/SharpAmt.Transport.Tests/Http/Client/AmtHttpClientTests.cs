using System.Diagnostics;
using System.Text;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Http.Client;
using SharpAmt.Transport.Net;
using SharpAmt.Transport.Tests.Support;
using SharpAmt.Transport.Tls;
using Xunit;

namespace SharpAmt.Transport.Tests.Http.Client;

public sealed class AmtHttpClientTests
{
    private static readonly byte[] Envelope = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope><Body /></Envelope>");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AmtHttpClientOptions Options(string host, int port = 16992, string password = DigestDeviceApp.Password) => new()
    {
        Host = host,
        Port = port,
        Credentials = new AmtCredentials(DigestDeviceApp.User, password),
        Timeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(1),
        Retry = RetryPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) },
    };

    private static AmtHttpClient Client(FakeDevice device, Func<AmtHttpClientOptions, AmtHttpClientOptions>? configure = null, string password = DigestDeviceApp.Password)
    {
        var options = Options(device.Address.ToString(), device.Port, password);
        return new AmtHttpClient(configure?.Invoke(options) ?? options);
    }

    private static Task<HttpResponse> PostAsync(AmtHttpClient client, RequestSafety safety = RequestSafety.Idempotent, byte[]? body = null) =>
        client.SendAsync("POST", "/wsman", [], body ?? Envelope, safety, Ct);

    private static string Text(HttpResponse response) => Encoding.UTF8.GetString(response.Body.Span);

    [Fact]
    public async Task Digest_is_taken_from_a_401_on_a_new_connection_and_then_reused_with_a_rising_nc()
    {
        var app = new DigestDeviceApp();
        await using var device = FakeDevice.Start(app.Script());
        await using var client = Client(device);

        var first = await PostAsync(client);
        var openedByFirstRequest = client.ConnectionsOpened;
        var later = new List<HttpResponse>();
        for (var i = 0; i < 4; i++)
        {
            later.Add(await PostAsync(client, i % 2 == 0 ? RequestSafety.Idempotent : RequestSafety.ChangesState));
        }

        Assert.Equal(200, first.StatusCode);
        Assert.All(later, response => Assert.Equal(200, response.StatusCode));
        Assert.Equal(["<reply number=\"3\" />", "<reply number=\"4\" />", "<reply number=\"5\" />", "<reply number=\"6\" />"], later.Select(Text));

        // One connection refused with a 401 and closed, one authenticated connection that carries everything after.
        Assert.Equal(2, openedByFirstRequest);
        Assert.Equal(openedByFirstRequest, client.ConnectionsOpened);
        Assert.Equal(2, device.ConnectionsAccepted);

        var log = app.Log.ToArray();
        Assert.Equal((0, null, DigestVerdict.NoCredentials), (log[0].Connection, log[0].Authorization, log[0].Verdict));
        var authenticated = log[1..];
        Assert.All(authenticated, exchange => Assert.Equal((1, DigestVerdict.Accepted), (exchange.Connection, exchange.Verdict)));
        var parsed = authenticated.Select(exchange => exchange.Parsed!).ToArray();
        Assert.Equal(["00000001", "00000002", "00000003", "00000004", "00000005"], parsed.Select(authorization => authorization.Nc));
        Assert.All(parsed, authorization => Assert.Equal(log[0].Challenge!.Nonce, authorization.Nonce));
        Assert.Single(parsed.Select(authorization => authorization.Cnonce).Distinct());
        Assert.All(parsed, authorization => Assert.Equal("auth", authorization.Qop));

        Assert.Equal(app.Realm, client.Realm);
        Assert.Equal("Intel(R) Active Management Technology 15.0.23.1706", client.ServerHeader);
    }

    [Fact]
    public async Task Auth_int_is_chosen_when_the_device_offers_it()
    {
        var app = new DigestDeviceApp { Qop = "auth-int, auth" };
        await using var device = FakeDevice.Start(app.Script());
        await using var client = Client(device);

        var response = await PostAsync(client);

        Assert.Equal(200, response.StatusCode);
        var accepted = app.Log.Single(exchange => exchange.Verdict == DigestVerdict.Accepted);
        Assert.Equal("auth-int", accepted.Parsed!.Qop);
    }

    [Fact]
    public async Task Authorization_follows_host_and_precedes_the_other_headers()
    {
        var app = new DigestDeviceApp();
        await using var device = FakeDevice.Start(app.Script());
        await using var client = Client(device, options => options with { DefaultHeaders = [new("User-Agent", "SharpAMT-test")] });

        await client.SendAsync("POST", "/wsman", [new("Content-Type", "application/soap+xml;charset=UTF-8")], Envelope, RequestSafety.Idempotent, Ct);

        var log = app.Log.ToArray();
        Assert.Equal(["Host", "User-Agent", "Content-Type", "Content-Length"], log[0].HeaderNames);
        Assert.Equal(["Host", "Authorization", "User-Agent", "Content-Type", "Content-Length"], log[1].HeaderNames);
        Assert.StartsWith("Digest username=\"admin\",realm=\"Digest:727734D63A1FC0423736E48DA554E462\",nonce=\"", log[1].Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_order_on_the_wire()
    {
        await using var device = FakeDevice.Start(async (connection, cancellationToken) =>
        {
            while (await connection.ReadRequestAsync(cancellationToken) is not null)
            {
                await connection.OkAsync("ok", cancellationToken);
            }
        });
        await using var client = Client(device, options => options with { DefaultHeaders = [new("User-Agent", "SharpAMT-test")] });

        await client.SendAsync("POST", "/wsman", [new("Content-Type", "application/soap+xml;charset=UTF-8")], Envelope, RequestSafety.Idempotent, Ct);

        var request = Assert.Single(device.Requests).Request;
        Assert.Equal(
            [
                ("Host", $"{device.Address}:16992"),
                ("User-Agent", "SharpAMT-test"),
                ("Content-Type", "application/soap+xml;charset=UTF-8"),
                ("Content-Length", Envelope.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ],
            request.Head.Headers.Select(header => (header.Key, header.Value)));
        Assert.Equal(("POST", "/wsman", "HTTP/1.1"), (request.Head.Method, request.Head.Target, request.Head.Version));
        Assert.Equal(Envelope, request.Body.ToArray());
    }

    [Fact]
    public async Task Stale_challenge_renews_the_nonce_without_counting_as_a_failure()
    {
        // Request 2 is refused outright (one failure); request 3 is refused as stale. Were stale counted, the
        // client would give up there with two failures.
        var app = new DigestDeviceApp
        {
            Decide = (number, verdict) => number switch
            {
                2 => DigestVerdict.WrongCredentials,
                3 => DigestVerdict.StaleNonce,
                _ => verdict,
            },
        };
        await using var device = FakeDevice.Start(app.Script());
        await using var client = Client(device);

        var response = await PostAsync(client, RequestSafety.ChangesState);

        Assert.Equal(200, response.StatusCode);
        var log = app.Log.ToArray();
        Assert.Equal(
            [DigestVerdict.NoCredentials, DigestVerdict.WrongCredentials, DigestVerdict.StaleNonce, DigestVerdict.Accepted],
            log.Select(exchange => exchange.Verdict));
        Assert.True(log[2].Challenge!.Stale);
        Assert.Equal(log[2].Challenge!.Nonce, log[3].Parsed!.Nonce);
        Assert.Equal("00000001", log[3].Parsed!.Nc);
        Assert.Equal(4, client.ConnectionsOpened);
    }

    [Fact]
    public async Task Device_that_wears_out_nonces_is_followed_without_errors()
    {
        var app = new DigestDeviceApp();
        app.Nonces.MaxUses = 2;
        await using var device = FakeDevice.Start(app.Script());
        await using var client = Client(device);

        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(200, (await PostAsync(client)).StatusCode);
        }

        var accepted = app.Log.Where(exchange => exchange.Verdict == DigestVerdict.Accepted).Select(exchange => exchange.Parsed!).ToArray();
        Assert.Equal(6, accepted.Length);
        Assert.Equal(3, accepted.Select(authorization => authorization.Nonce).Distinct().Count());
        Assert.Equal(2, app.Log.Count(exchange => exchange.Verdict == DigestVerdict.StaleNonce));
    }

    [Fact]
    public async Task Two_rejections_raise_an_authentication_error_without_secrets()
    {
        var app = new DigestDeviceApp();
        await using var device = FakeDevice.Start(app.Script());
        const string wrong = "Wr0ng-Passw0rd";
        await using var client = Client(device, password: wrong);

        var exception = await Assert.ThrowsAsync<AmtAuthenticationException>(() => PostAsync(client));

        Assert.Equal(client.Endpoint, exception.Endpoint);
        Assert.Equal(DigestDeviceApp.User, exception.User);
        Assert.Contains(client.Endpoint, exception.Message, StringComparison.Ordinal);
        Assert.Contains("'admin'", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        var log = app.Log.ToArray();
        Assert.Equal([DigestVerdict.NoCredentials, DigestVerdict.WrongCredentials, DigestVerdict.WrongCredentials], log.Select(exchange => exchange.Verdict));
        foreach (var exchange in log)
        {
            Assert.DoesNotContain(exchange.Challenge!.Nonce, exception.Message, StringComparison.Ordinal);
            if (exchange.Parsed is { } sent)
            {
                Assert.DoesNotContain(sent.Response, exception.Message, StringComparison.Ordinal);
            }
        }

        Assert.Null(client.Realm);
    }

    [Fact]
    public async Task Realm_other_than_the_remembered_one_is_refused_before_credentials_are_sent()
    {
        var app = new DigestDeviceApp();
        await using var device = FakeDevice.Start(app.Script());
        var store = new InMemoryTrustStore();
        store.RememberRealm(device.Address.ToString(), "Digest:00000000000000000000000000000000");
        await using var client = Client(device, options => options with { RealmStore = store });

        var exception = await Assert.ThrowsAsync<AmtRealmChangedException>(() => PostAsync(client));

        Assert.Equal("Digest:00000000000000000000000000000000", exception.RememberedRealm);
        Assert.Equal(app.Realm, exception.PresentedRealm);
        Assert.Equal(client.Endpoint, exception.Endpoint);
        Assert.Contains(app.Realm, exception.Message, StringComparison.Ordinal);
        var only = Assert.Single(app.Log);
        Assert.Null(only.Authorization);
    }

    [Fact]
    public async Task Realm_is_remembered_once_accepted_and_a_reprovisioned_device_is_refused()
    {
        var store = new InMemoryTrustStore();
        var address = Loopback.Next();
        var first = new DigestDeviceApp();
        await using (var device = FakeDevice.Start(first.Script(), address))
        {
            await using var client = Client(device, options => options with { RealmStore = store });
            Assert.Equal(200, (await PostAsync(client)).StatusCode);
        }

        Assert.Equal(first.Realm, store.FindRealm(address.ToString()));

        var reprovisioned = new DigestDeviceApp { Realm = "Digest:11111111111111111111111111111111" };
        await using (var device = FakeDevice.Start(reprovisioned.Script(), address))
        {
            await using var client = Client(device, options => options with { RealmStore = store });
            var exception = await Assert.ThrowsAsync<AmtRealmChangedException>(() => PostAsync(client));
            Assert.Equal(first.Realm, exception.RememberedRealm);
            Assert.Equal(reprovisioned.Realm, exception.PresentedRealm);
        }
    }

    [Fact]
    public async Task Realm_change_during_a_session_is_refused()
    {
        var app = new DigestDeviceApp();
        await using var device = FakeDevice.Start(app.Script());
        await using var client = Client(device);
        Assert.Equal(200, (await PostAsync(client)).StatusCode);
        var original = app.Realm;

        app.Realm = "Digest:22222222222222222222222222222222";
        var exception = await Assert.ThrowsAsync<AmtRealmChangedException>(() => PostAsync(client));

        Assert.Equal(original, exception.RememberedRealm);
        Assert.Equal(app.Realm, exception.PresentedRealm);
    }

    [Fact]
    public async Task Refused_connection_is_retried_with_backoff_then_fails_clearly()
    {
        var address = Loopback.Next();
        var options = Options(address.ToString()) with
        {
            Retry = new RetryPolicy { MaxAttempts = 4, MaxAttemptsWhenRefused = 10, InitialDelay = TimeSpan.FromMilliseconds(60), MaxDelay = TimeSpan.FromSeconds(1) },
            Timeout = TimeSpan.FromSeconds(5),
        };
        await using var client = new AmtHttpClient(options);
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<AmtConnectionException>(() => PostAsync(client, RequestSafety.ChangesState));

        clock.Stop();
        Assert.Equal(ConnectionFailure.Refused, exception.Failure);
        Assert.True(exception.IsTransient);
        Assert.Equal($"{address}:16992", exception.Endpoint);
        Assert.StartsWith($"{address}:16992: connection refused", exception.Message, StringComparison.Ordinal);
        Assert.Contains("gave up after 4 attempts", exception.Message, StringComparison.Ordinal);
        // Backoff: 60, 120 and 240 ms before attempts 2, 3 and 4.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), options.Timeout);
        Assert.Equal(0, client.ConnectionsOpened);
    }

    [Fact]
    public async Task A_refusing_host_is_given_up_on_quickly_while_the_deadline_still_allows_more()
    {
        var address = Loopback.Next();
        var options = Options(address.ToString()) with
        {
            Retry = new RetryPolicy { MaxAttempts = 10, MaxAttemptsWhenRefused = 3, InitialDelay = TimeSpan.FromMilliseconds(50) },
            Timeout = TimeSpan.FromSeconds(20),
        };
        await using var client = new AmtHttpClient(options);
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<AmtConnectionException>(() => PostAsync(client));

        Assert.Equal(ConnectionFailure.Refused, exception.Failure);
        Assert.Contains("gave up after 3 attempts", exception.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task Refused_connection_retries_end_within_the_timeout()
    {
        // Many clients at once, their deadlines falling at different points of the backoff: however a deadline
        // meets a pause, the caller gets a connection error, never a bare cancellation. Nothing listens on
        // the address, so every attempt is refused at once.
        var address = Loopback.Next().ToString();
        var attempts = Enumerable.Range(0, 300).Select(async index =>
        {
            var options = Options(address) with
            {
                Retry = new RetryPolicy { MaxAttempts = 1000, MaxAttemptsWhenRefused = 1000, InitialDelay = TimeSpan.FromMilliseconds(40), MaxDelay = TimeSpan.FromMilliseconds(100) },
                Timeout = TimeSpan.FromMilliseconds(500 + index),
            };
            await using var client = new AmtHttpClient(options);
            var clock = Stopwatch.StartNew();

            var exception = await Assert.ThrowsAsync<AmtConnectionException>(() => PostAsync(client));

            Assert.InRange(clock.Elapsed, options.Timeout - TimeSpan.FromMilliseconds(250), options.Timeout + TimeSpan.FromMilliseconds(600));
            Assert.Contains("refused", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("1000 attempts", exception.Message, StringComparison.Ordinal);
        });

        await Task.WhenAll(attempts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Fresh_connection_dropped_before_any_reply_is_retried_even_when_the_request_changes_state(bool reset)
    {
        await using var device = FakeDevice.Start(async (connection, cancellationToken) =>
        {
            if (await connection.ReadRequestAsync(cancellationToken) is null)
            {
                return;
            }

            if (connection.Index == 0)
            {
                if (reset)
                {
                    connection.Reset();
                }
                else
                {
                    connection.Close();
                }

                return;
            }

            await connection.OkAsync("done", cancellationToken);
        });
        await using var client = Client(device);

        var response = await PostAsync(client, RequestSafety.ChangesState);

        Assert.Equal("done", Text(response));
        var requests = device.Requests.ToArray();
        Assert.Equal([0, 1], requests.Select(request => request.Connection));
        Assert.All(requests, request => Assert.Equal(Envelope, request.Request.Body.ToArray()));
        Assert.Equal(2, client.ConnectionsOpened);
    }

    /// <summary>The first connection answers one request, then closes when the second arrives; later connections answer.</summary>
    private static FakeDevice DeviceThatClosesAReusedConnection() => FakeDevice.Start(async (connection, cancellationToken) =>
    {
        var served = 0;
        while (await connection.ReadRequestAsync(cancellationToken) is not null)
        {
            if (connection.Index == 0 && served == 1)
            {
                connection.Close();
                return;
            }

            await connection.OkAsync($"reply {connection.Index}.{served++}", cancellationToken);
        }
    });

    [Fact]
    public async Task Kept_connection_closed_before_a_reply_is_not_repeated_for_a_state_change()
    {
        await using var device = DeviceThatClosesAReusedConnection();
        await using var client = Client(device);
        Assert.Equal("reply 0.0", Text(await PostAsync(client)));

        var exception = await Assert.ThrowsAsync<AmtConnectionException>(() => PostAsync(client, RequestSafety.ChangesState));

        Assert.Equal(ConnectionFailure.ClosedBeforeReply, exception.Failure);
        Assert.Contains("not sent again", exception.Message, StringComparison.Ordinal);
        Assert.Equal(2, device.Requests.Count);
        Assert.Equal(1, device.ConnectionsAccepted);
    }

    [Fact]
    public async Task Kept_connection_closed_before_a_reply_is_repeated_for_a_read()
    {
        await using var device = DeviceThatClosesAReusedConnection();
        await using var client = Client(device);
        Assert.Equal("reply 0.0", Text(await PostAsync(client)));

        var response = await PostAsync(client, RequestSafety.Idempotent);

        Assert.Equal("reply 1.0", Text(response));
        Assert.Equal(3, device.Requests.Count);
    }

    /// <summary>The first connection sends the head and part of the body, then closes; later connections answer in full.</summary>
    private static FakeDevice DeviceThatDropsMidReply() => FakeDevice.Start(async (connection, cancellationToken) =>
    {
        if (await connection.ReadRequestAsync(cancellationToken) is null)
        {
            return;
        }

        if (connection.Index == 0)
        {
            await connection.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n<a:Envelope xmlns:a=", cancellationToken);
            connection.Close();
            return;
        }

        await connection.OkAsync("complete", cancellationToken);
    });

    [Fact]
    public async Task Drop_in_the_middle_of_a_reply_is_retried_for_a_read()
    {
        await using var device = DeviceThatDropsMidReply();
        await using var client = Client(device);

        var response = await PostAsync(client, RequestSafety.Idempotent);

        Assert.Equal("complete", Text(response));
        Assert.Equal(2, device.Requests.Count);
    }

    [Fact]
    public async Task Drop_in_the_middle_of_a_reply_is_not_repeated_for_a_state_change()
    {
        await using var device = DeviceThatDropsMidReply();
        await using var client = Client(device);

        var exception = await Assert.ThrowsAsync<AmtConnectionException>(() => PostAsync(client, RequestSafety.ChangesState));

        Assert.Equal(ConnectionFailure.DroppedMidReply, exception.Failure);
        Assert.Contains("dropped in the middle of the reply", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not sent again", exception.Message, StringComparison.Ordinal);
        Assert.Single(device.Requests);
        Assert.Equal(1, device.ConnectionsAccepted);
    }

    [Fact]
    public async Task Endless_reply_ends_with_an_error_within_the_timeout()
    {
        await using var device = FakeDevice.Start(async (connection, cancellationToken) =>
        {
            if (await connection.ReadRequestAsync(cancellationToken) is null)
            {
                return;
            }

            await connection.WriteAsync("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                await connection.WriteAsync("0001\r\nx\r\n", cancellationToken);
                await Task.Delay(20, cancellationToken);
            }
        });
        var timeout = TimeSpan.FromMilliseconds(900);
        await using var client = Client(device, options => options with { Timeout = timeout });
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<AmtConnectionException>(() => PostAsync(client));

        Assert.InRange(clock.Elapsed, timeout - TimeSpan.FromMilliseconds(50), timeout + TimeSpan.FromMilliseconds(600));
        Assert.Equal(ConnectionFailure.TimedOut, exception.Failure);
        Assert.Equal($"{client.Endpoint}: the reply did not complete within 0.9 s", exception.Message);
        Assert.Single(device.Requests);
    }

    [Fact]
    public async Task Device_that_never_answers_ends_with_an_error_within_the_timeout()
    {
        await using var device = FakeDevice.Start(async (connection, cancellationToken) =>
        {
            await connection.ReadRequestAsync(cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        });
        var timeout = TimeSpan.FromMilliseconds(600);
        await using var client = Client(device, options => options with { Timeout = timeout });

        var exception = await Assert.ThrowsAsync<AmtConnectionException>(() => PostAsync(client));

        Assert.Equal(ConnectionFailure.TimedOut, exception.Failure);
        Assert.Equal($"{client.Endpoint}: no reply within 0.6 s", exception.Message);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0400\r\n")]
    public async Task Reply_over_the_body_limit_is_refused_without_waiting_for_it(string head)
    {
        await using var device = FakeDevice.Start(async (connection, cancellationToken) =>
        {
            if (await connection.ReadRequestAsync(cancellationToken) is null)
            {
                return;
            }

            // Announce more than the client accepts, then send nothing more.
            await connection.WriteAsync(head, cancellationToken);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        });
        await using var client = Client(device, options => options with { Limits = HttpLimits.Default with { MaxBodyBytes = 1000 } });
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<AmtProtocolException>(() => PostAsync(client));

        Assert.Equal(ProtocolViolation.BodyTooLarge, exception.Violation);
        Assert.Equal(client.Endpoint, exception.Endpoint);
        Assert.StartsWith(client.Endpoint + ": ", exception.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Single(device.Requests);
    }

    [Fact]
    public async Task Reply_that_is_not_http_is_a_protocol_error_and_not_retried()
    {
        await using var device = FakeDevice.Start(async (connection, cancellationToken) =>
        {
            if (await connection.ReadRequestAsync(cancellationToken) is not null)
            {
                await connection.WriteAsync("SSH-2.0-OpenSSH_9.2p1\r\n\r\n", cancellationToken);
            }
        });
        await using var client = Client(device);

        var exception = await Assert.ThrowsAsync<AmtProtocolException>(() => PostAsync(client));

        Assert.Equal(ProtocolViolation.MalformedStartLine, exception.Violation);
        Assert.Equal(client.Endpoint, exception.Endpoint);
        Assert.Single(device.Requests);
    }

    [Fact]
    public async Task Reply_that_closes_is_followed_by_a_new_connection()
    {
        await using var device = FakeDevice.Start(async (connection, cancellationToken) =>
        {
            if (await connection.ReadRequestAsync(cancellationToken) is not null)
            {
                await connection.ReplyAsync(200, "OK", new HttpHeaders().Add("Content-Length", "2").Add("Connection", "close"), "ok", cancellationToken);
            }
        });
        await using var client = Client(device);

        await PostAsync(client);
        await PostAsync(client);

        Assert.Equal(2, client.ConnectionsOpened);
        Assert.Equal([0, 1], device.Requests.Select(request => request.Connection));
    }
}
