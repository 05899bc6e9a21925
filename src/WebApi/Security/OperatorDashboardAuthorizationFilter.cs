using Hangfire.Dashboard;
using DagMaster.WebUi.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace DagMaster.WebApi.Security;

/// <summary>
/// The Hangfire dashboard is for operators only: the request is authorised with the <see cref="AuthPolicies.Operator"/>
/// policy against whatever scheme authenticated it (an admin key, or the admin UI's login).
/// </summary>
internal sealed class OperatorDashboardAuthorizationFilter : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        if ((await authorization.AuthorizeAsync(http.User, AuthPolicies.Operator)).Succeeded)
        {
            return true;
        }

        // An operator signed in to the admin pages (their cookie is not the API's default scheme).
        var login = await http.AuthenticateAsync(UiPolicies.Scheme);
        return login.Succeeded && login.Principal.IsInRole(AuthRoles.Operator);
    }
}
