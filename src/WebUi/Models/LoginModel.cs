namespace DagMaster.WebUi.Models;

public sealed record LoginModel(string? Name, string? ReturnUrl, string? Error);
