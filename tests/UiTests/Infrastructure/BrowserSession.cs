using DagMaster.TestSupport;
using Microsoft.Playwright;

namespace DagMaster.UiTests.Infrastructure;

/// <summary>
/// One browser context and page. Every console error, uncaught script error and failed request is recorded, so a
/// test can assert that the pages it visited produced none. Confirmation dialogs are accepted.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                {
                    _errors.Add($"console: {message.Text} ({page.Url})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
            {
                _errors.Add($"page error: {error} ({page.Url})");
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            lock (_errors)
            {
                Dialogs.Add(dialog.Message);
            }

            await dialog.AcceptAsync();
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public List<string> Dialogs { get; } = [];

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    public static async Task<BrowserSession> OpenAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString().TrimEnd('/'),
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async Task LoginAsync(string name, string password)
    {
        await Page.GotoAsync("/ui/login");
        await Page.FillAsync("input[name=name]", name);
        await Page.FillAsync("input[name=password]", password);
        var answer = await Page.RunAndWaitForResponseAsync(
            () => Page.ClickAsync("form button[type=submit]"),
            response => response.Request.Method == "POST" && response.Url.Contains("/ui/login", StringComparison.Ordinal));

        await WaitForAddressAsync(
            url => !url.Contains("/ui/login", StringComparison.Ordinal),
            $"login as {name} to leave the login page (POST answered {answer.Status})");
    }

    /// <summary>
    /// Waits until the page's address satisfies <paramref name="arrived"/>, without waiting for the page's load event.
    /// The address is polled because any wait Playwright offers also waits for a load state, and a page's load event
    /// may be held up by its own requests (the dashboard's refresh): that timed out logins and logouts that had succeeded.
    /// </summary>
    public Task WaitForAddressAsync(Func<string, bool> arrived, string what) =>
        Poll.UntilAsync(() => Task.FromResult(Page.Url), arrived, what);

    /// <summary>Opens a page and fails when it answers anything but 200.</summary>
    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        response.ShouldNotBeNull();
        response.Status.ShouldBe(200, $"GET {path}");
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(UiAppFixture.ScreenshotDirectory, name + ".png"), FullPage = true });

    public void ShouldHaveNoErrors() => Errors.ShouldBeEmpty();

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
