namespace SharpAmt.Transport.Http;

public sealed record HttpResponseHead(string Version, int StatusCode, string ReasonPhrase, HttpHeaders Headers);
