using DagMaster.Application.Common.Exceptions;
using DagMaster.Domain.Common;
using DagMaster.WebUi.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;

namespace DagMaster.WebUi.Controllers;

/// <summary>
/// Every admin page: signed in as a viewer or operator, every POST checked against its anti-forgery token.
/// Actions that change something also require <see cref="UiPolicies.Operator"/>.
/// </summary>
[Authorize(Policy = UiPolicies.Viewer)]
[AutoValidateAntiforgeryToken]
public abstract class UiController : Controller
{
    public const string FlashKey = "flash";
    public const string FlashErrorKey = "flash-error";

    protected bool CanOperate => User.IsInRole(UiRoles.Operator);

    /// <summary>Who acts, for the job timeline.</summary>
    protected string Actor => $"ui:{User.Identity?.Name ?? "operator"}";

    /// <summary>Runs an operator action; a refused one (conflict, validation, unknown) becomes the page's error message.</summary>
    protected async Task<bool> TryActAsync(Func<Task> action, string done)
    {
        try
        {
            await action();
            TempData[FlashKey] = done;
            return true;
        }
        catch (Exception e) when (e is BusinessRuleValidationException or ValidationException or NotFoundException)
        {
            TempData[FlashErrorKey] = e is ValidationException validation
                ? string.Join("; ", validation.Errors.Select(x => x.ErrorMessage))
                : e.Message;
            return false;
        }
    }

    /// <summary>A route value of only spaces binds as null (MVC turns empty strings into null): no such page exists.</summary>
    public override void OnActionExecuting(ActionExecutingContext context)
    {
        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            if (parameter.ParameterType == typeof(string) && context.RouteData.Values.ContainsKey(parameter.Name)
                && (!context.ActionArguments.TryGetValue(parameter.Name, out var value) || value is null))
            {
                context.Result = PageNotFound(parameter.Name);
                return;
            }
        }

        base.OnActionExecuting(context);
    }

    protected IActionResult PageNotFound(string what)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound", what);
    }
}
