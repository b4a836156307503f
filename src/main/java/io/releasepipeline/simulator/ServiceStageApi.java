package io.releasepipeline.simulator;

/** ServiceStage release plans (seed 003). */
final class ServiceStageApi {

    private final World world;
    private final LifeCycles lifeCycles;

    ServiceStageApi(World world, LifeCycles lifeCycles) {
        this.world = world;
        this.lifeCycles = lifeCycles;
    }

    SimResponse showReleasePlanDeployInfo(SimRequest request) {
        synchronized (world) {
            World.Project project = world.projects.get(request.param(0));
            World.ReleasePlan plan = project == null ? null : project.releasePlans.get(request.param(1));
            if (plan == null) {
                throw new ApiError(404, "SVCSTG.00100404", "Release plan does not exist: " + request.param(1));
            }
            return SimResponse.ok(lifeCycles.deployInfo(project, plan, request.now()));
        }
    }
}
