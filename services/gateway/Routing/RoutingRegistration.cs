using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Observability;
using Yarp.ReverseProxy.Transforms;

namespace Repitbot.Gateway.Routing;

public static class RoutingRegistration
{
    /// <summary>
    /// Routes and clusters come from the <c>ReverseProxy</c> section. The Authorization header is
    /// forwarded unchanged (the services validate it themselves) and so is W3C <c>traceparent</c>, both
    /// by YARP's defaults; the correlation id is added here because the gateway may have created it.
    /// </summary>
    public static IServiceCollection AddGatewayRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ServicesOptions>(ServicesOptions.Section);
        services.AddRequestTimeouts();
        services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<DestinationAddressFilter>()
            .AddConfigFilter<ExplicitPolicyFilter>()
            .AddTransforms(context => context.AddRequestTransform(ForwardCorrelationId));
        return services;
    }

    public static WebApplication MapGatewayRoutes(this WebApplication app)
    {
        // Applies each route's Timeout; YARP refuses a request whose timeout was not applied.
        app.UseRequestTimeouts();
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(UnavailableDestination.AnswerAsync);
            proxy.Use(ProxyAccessRules.CheckAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }

    private static ValueTask ForwardCorrelationId(RequestTransformContext context)
    {
        if (context.HttpContext.Items[CorrelationId.ItemKey] is string id)
        {
            context.ProxyRequest.Headers.Remove(CorrelationId.Header);
            context.ProxyRequest.Headers.TryAddWithoutValidation(CorrelationId.Header, id);
        }

        return ValueTask.CompletedTask;
    }
}
