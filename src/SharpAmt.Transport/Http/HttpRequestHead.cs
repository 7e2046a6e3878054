namespace SharpAmt.Transport.Http;

public sealed record HttpRequestHead(string Method, string Target, string Version, HttpHeaders Headers);
