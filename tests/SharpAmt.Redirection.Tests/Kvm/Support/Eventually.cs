namespace SharpAmt.Redirection.Tests.Kvm.Support;

internal static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> for at most <paramref name="seconds"/> seconds.</summary>
    public static async Task<bool> TrueAsync(Func<bool> condition, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }
}
