using System.Text;
using SharpAmt.Transport.Http.Client;
using SharpAmt.WsMan.Client;
using SharpAmt.WsMan.Wire;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>Sends a hand-built WS-Man request and returns the reply's status, text and parsed form, for wire-level checks.</summary>
internal static class RawWsMan
{
    public static readonly KeyValuePair<string, string>[] SoapContentType = [new("Content-Type", "application/soap+xml;charset=UTF-8")];

    public static async Task<(int Status, string Text, WsManResponse Response)> SendAsync(WsManClient client, WsManRequest request)
    {
        var body = WsManRequestWriter.Write(request with { MessageId = "uuid:" + Guid.NewGuid().ToString("D").ToUpperInvariant() });
        var reply = await client.Http.SendAsync("POST", "/wsman", SoapContentType, body, RequestSafety.ChangesState, TestContext.Current.CancellationToken);
        return (reply.StatusCode, Encoding.UTF8.GetString(reply.Body.Span), WsManResponseReader.Read(reply.Body));
    }
}
