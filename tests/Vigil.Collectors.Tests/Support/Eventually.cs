namespace Vigil.Collectors.Tests.Support;

/// <summary>Waits for a condition that background tasks make true; fails with the description if it never does.</summary>
internal static class Eventually
{
    public static async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "never happened: " + what);
            await Task.Delay(20);
        }
    }
}
