// The API's OpenAPI description rendered by the bundled Swagger UI.
window.addEventListener("load", function () {
  "use strict";
  window.ui = SwaggerUIBundle({url: "/api/v1/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
                               validatorUrl: null, tryItOutEnabled: true});
});
