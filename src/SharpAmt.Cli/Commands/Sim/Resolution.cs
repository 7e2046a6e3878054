namespace SharpAmt.Cli.Commands.Sim;

/// <summary>A display resolution as <c>amt sim --screen</c> and <c>--extra-screen</c> take it.</summary>
internal readonly record struct Resolution(int Width, int Height);
