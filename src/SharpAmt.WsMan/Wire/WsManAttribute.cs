namespace SharpAmt.WsMan.Wire;

public sealed record WsManAttribute(string Name, string Namespace, string Value);
