namespace SharpAmt.Network;

/// <summary>A network change refused before anything was sent: a bad value, or a change that needs --force.</summary>
public sealed class InvalidNetworkSettingException(string message) : ArgumentException(message);
