package io.releasepipeline.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** ROMA Connect APIC: deploy history of a backend (livedata) API (seed 004), newest first. */
final class ApicApi {

    private final World world;

    ApicApi(World world) {
        this.world = world;
    }

    SimResponse listLiveDataApiDeploymentHistory(SimRequest request) {
        if (!request.user().apicAllowed) {
            throw new ApiError(403, "APIG.1005", "No permissions to request this method");
        }
        int offset = queryInt(request, "offset", 0, Integer.MAX_VALUE, 0);
        int limit = queryInt(request, "limit", 1, 500, 20);
        synchronized (world) {
            World.Project project = world.projects.get(request.param(0));
            World.Instance instance = project == null ? null : project.instances.get(request.param(1));
            if (instance == null) {
                throw new ApiError(400, "APIG.2011",
                        "Invalid parameter value,parameterName:instance_id. Please refer to the support documentation");
            }
            World.LiveDataApi api = instance.apis.get(request.param(2));
            if (api == null) {
                throw new ApiError(404, "APIG.3084", "The livedata API does not exist, id: " + request.param(2));
            }
            List<Map<String, Object>> newestFirst = new ArrayList<>(api.histories);
            Collections.reverse(newestFirst);
            int from = Math.min(offset, newestFirst.size());
            List<Map<String, Object>> page = newestFirst.subList(from, Math.min(from + limit, newestFirst.size()));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("size", page.size());
            answer.put("total", (long) newestFirst.size());
            answer.put("histories", page);
            return SimResponse.ok(answer);
        }
    }

    private static int queryInt(SimRequest request, String name, int min, int max, int defaultValue) {
        try {
            return Fields.queryInt(request.query().get(name), name, min, max, defaultValue);
        } catch (ApiError e) {
            throw new ApiError(400, "APIG.2011", "Invalid parameter value,parameterName:" + name
                    + ". Please refer to the support documentation");
        }
    }
}
