using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Client;

/// <summary>A copy of the decoded screen: 0x00RRGGBB pixels, row-major, at <see cref="Size"/>.</summary>
public sealed record KvmSnapshot(RfbScreenSize Size, long Version, uint[] Pixels);
