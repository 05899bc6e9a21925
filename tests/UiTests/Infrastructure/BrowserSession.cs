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

        // Leaving the login page is what counts, so the page's address is polled: any wait Playwright offers waits
        // for a load state as well when the address already matches, and the next page's load event may be held up
        // by its own requests (the dashboard's refresh), which twice timed out logins that had succeeded.
        await Poll.UntilAsync(
            () => Task.FromResult(Page.Url),
            url => !url.Contains("/ui/login", StringComparison.Ordinal),
            $"login as {name} to leave the login page (POST answered {answer.Status})");
    }

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
