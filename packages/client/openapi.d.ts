// Generated from the OpenAPI document by `npm run client:generate`: do not edit.

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The console's page, for a browser asking for HTML (others get FaynoSync's listing) / FaynoSync's deprecated listing: the tenant's versions, newest first */
        get: operations["getRoot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/apps/{appID}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Publish or unpublish a product (prd_…) or a variant (var_…) */
        put: operations["putAdminApiAppsAppIDPublish"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/apps/{appID}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Publish or unpublish a product (prd_…) or a variant (var_…) */
        put: operations["putAdminApiAppsAppIDUnpublish"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visits, clicks, downloads and uploads, newest first */
        get: operations["getAdminApiEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products, newest first */
        get: operations["getAdminApiProducts"];
        put?: never;
        /** Create a product (an app); the slug is made from the name when missing and de-duplicated */
        post: operations["postAdminApiProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/products/{productID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product with its variants and their releases */
        get: operations["getAdminApiProductsProductID"];
        /** Change name, slug, description or published */
        put: operations["putAdminApiProductsProductID"];
        post?: never;
        /** Delete a product with its variants, releases and stored files */
        delete: operations["deleteAdminApiProductsProductID"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/products/{productID}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a platform target to a product */
        post: operations["postAdminApiProductsProductIDVariants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/releases/{releaseID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a release and its stored file */
        delete: operations["deleteAdminApiReleasesReleaseID"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's domains and organization, Updraft's storage, whether Apple is configured */
        get: operations["getAdminApiSettings"];
        /** Change domains, organization and Apple credentials (storage is set by environment variables) */
        put: operations["putAdminApiSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the tenant's X-Auth-Tokens (never their secrets) */
        get: operations["getAdminApiTokens"];
        put?: never;
        /** Create an X-Auth-Token (shown once); Authorization: Bearer <login token> of the tenant admin */
        post: operations["postAdminApiTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an X-Auth-Token */
        delete: operations["deleteAdminApiTokensId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/upload-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where and how large uploads go */
        get: operations["getAdminApiUploadConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/variants/{variantID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change a variant (its platform and arch stay) */
        put: operations["putAdminApiVariantsVariantID"];
        post?: never;
        /** Delete a variant with its releases and stored files */
        delete: operations["deleteAdminApiVariantsVariantID"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/variants/{variantID}/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A variant's retention policy (off by default) */
        get: operations["getAdminApiVariantsVariantIDRetention"];
        /** Set the retention policy (both rules; null or left out turns one off) and apply it at once: older releases and their files are deleted, never the newest */
        put: operations["putAdminApiVariantsVariantIDRetention"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/variants/{variantID}/retention/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dry run: the releases the policy would delete now (the stored policy, or the one in the query), deleting nothing */
        get: operations["getAdminApiVariantsVariantIDRetentionPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/variants/{variantID}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download counts of a variant and its releases */
        get: operations["getAdminApiVariantsVariantIDStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/exports/events.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every event as CSV (streamed) */
        get: operations["getAdminExportsEventsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/exports/releases.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every release as CSV (streamed) */
        get: operations["getAdminExportsReleasesCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Changes the admin's name or password (older tokens stop working) */
        post: operations["postAdminUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Product JSON of a published product by id or slug */
        get: operations["getApiProductsIdOrSlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/slug/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Product JSON of a published product by slug */
        get: operations["getApiProductsSlugSlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates an app (multipart: "data" JSON, optional logo as "file") */
        post: operations["postAppCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deletes an app with its versions and files */
        delete: operations["deleteAppDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The apps */
        get: operations["getAppList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/app/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Changes an app (multipart: "data" JSON, optional logo as "file") */
        post: operations["postAppUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/apps/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deletes a version with its files */
        delete: operations["deleteAppsDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/apps/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newest version: 302 to its one matching file, or a map of several */
        get: operations["getAppsLatest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/apps/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Changes a version (flags, rollout, changelog) and may add files */
        post: operations["postAppsUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arch/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates a arch */
        post: operations["postArchCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arch/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deletes a arch nothing uses */
        delete: operations["deleteArchDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arch/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The archs */
        get: operations["getArchList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/arch/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renames a arch */
        post: operations["postArchUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/artifact/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deletes artifacts of a version (multipart "data" JSON) */
        post: operations["postArtifactDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/channel/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates a channel */
        post: operations["postChannelCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/channel/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deletes a channel nothing uses */
        delete: operations["deleteChannelDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/channel/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channels */
        get: operations["getChannelList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/channel/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renames a channel */
        post: operations["postChannelUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/checkVersion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a newer version is available (X-Device-ID gates staged rollouts; X-Download-Token opens a private app) */
        get: operations["getCheckVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the console's bundles */
        get: operations["getConsoleAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/notes-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The HTML the feeds and the public page make of a changelog */
        post: operations["postConsoleNotesPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/page-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Visits and download clicks of an app's public page per UTC day and visitor platform */
        get: operations["getConsolePageEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in session's CSRF token (after a reload) */
        get: operations["getConsoleSession"];
        put?: never;
        /** Signs in: sets the HttpOnly session cookie and answers the CSRF token writes must send */
        post: operations["postConsoleSession"];
        /** Signs out: clears the session cookie */
        delete: operations["deleteConsoleSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/d/{releaseID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a release (Range supported), counted */
        get: operations["getDReleaseID"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API reference page (served from this server, no network) */
        get: operations["getDocs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/{asset}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of the API reference page's scripts and styles */
        get: operations["getDocsAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A download URL for an artifact (JSON, or a 302 with redirect=1); without a login, by download token */
        get: operations["getDownload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/download-tokens/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revokes a download token */
        delete: operations["deleteDownloadTokensDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/download-tokens/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The download tokens (prefixes only) */
        get: operations["getDownloadTokensList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/download-tokens/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mints a private app's download token (replacing the old one) */
        post: operations["postDownloadTokensRegenerate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log a visit or click of a product page (rate limited per address) */
        post: operations["postEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/private/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The local storage driver's files: public ones to anyone, private ones by a signed URL */
        get: operations["getFilesPrivateKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/public/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The local storage driver's files: public ones to anyone, private ones by a signed URL */
        get: operations["getFilesPublicKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Health: 200 healthy or 503 degraded */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the database answers (Fenfa's health check) */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/icon/products/{productID}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's icon */
        get: operations["getIconProductsProductID"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answers a token for an admin or team user */
        post: operations["postLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (when METRICS_ENABLED; Bearer METRICS_TOKEN when set) */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI 3.1 document */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/platform/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates a platform */
        post: operations["postPlatformCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/platform/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deletes a platform nothing uses */
        delete: operations["deletePlatformDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/platform/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platforms */
        get: operations["getPlatformList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/platform/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Renames a platform */
        post: operations["postPlatformUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{idOrSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's public download page */
        get: operations["getProductsIdOrSlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{owner}/{app}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An app's public download page (a private app's is the same 404 as a missing one) */
        get: operations["getProductsOwnerApp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/products/{owner}/{app}/downloaded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A download link's ping: counts a click */
        post: operations["postProductsOwnerAppDownloaded"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/report-keys/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report keys */
        get: operations["getReportKeysList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/report-keys/regenerate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mints an app's report key */
        post: operations["postReportKeysRegenerate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Report groups, newest first */
        get: operations["getReportsGroups"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/groups/{hash}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deletes a group and its stored details */
        delete: operations["deleteReportsGroupsHash"];
        options?: never;
        head?: never;
        /** Changes a group's status, note or tags */
        patch: operations["patchReportsGroupsHash"];
        trace?: never;
    };
    "/reports/groups/{hash}/blobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A group's stored details, with signed URLs */
        get: operations["getReportsGroupsHashBlobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A crash or event report from a shipped app (report key and X-Device-ID) */
        post: operations["postReportsIngest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The versions of one app, filtered, newest first */
        get: operations["getSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates an admin (a tenant) with the sign-up key */
        post: operations["postSignup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/telemetry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Update-check statistics of a day or a range */
        get: operations["getTelemetry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/telemetry/beacon": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts a check an edge (CDN) answered: 204 (X-Device-ID required) */
        get: operations["getTelemetryBeacon"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates a CI token (shown once) */
        post: operations["postTokenCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revokes a CI token */
        delete: operations["deleteTokenDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/token/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The CI tokens */
        get: operations["getTokenList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tuf/v1/{rest}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Not implemented: 501 */
        get: operations["getTufV1Rest"];
        /** Not implemented: 501 */
        put: operations["putTufV1Rest"];
        /** Not implemented: 501 */
        post: operations["postTufV1Rest"];
        /** Not implemented: 501 */
        delete: operations["deleteTufV1Rest"];
        options?: never;
        head?: never;
        /** Not implemented: 501 */
        patch: operations["patchTufV1Rest"];
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/{appcast}.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sparkle's appcast: appcast.xml, appcast-{name}.xml or appcast.{name}.xml */
        get: operations["getUpdateOwnerAppChannelPlatformArchAppcastXml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/{channelFile}-linux.yml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** electron-updater's channel file, Linux (-linux.yml) */
        get: operations["getUpdateOwnerAppChannelPlatformArchChannelFileLinuxYml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/{channelFile}-mac.yml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** electron-updater's channel file, macOS (-mac.yml) */
        get: operations["getUpdateOwnerAppChannelPlatformArchChannelFileMacYml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/{channelFile}.yml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** electron-updater's channel file, Windows (.yml) */
        get: operations["getUpdateOwnerAppChannelPlatformArchChannelFileYml"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file a feed names, with Range support */
        get: operations["getUpdateOwnerAppChannelPlatformArchFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/{version}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file a feed names, with Range support */
        get: operations["getUpdateOwnerAppChannelPlatformArchVersionFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/{version}/RELEASES": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Squirrel.Windows' RELEASES file (the feed URL ends at the running version) */
        get: operations["getUpdateOwnerAppChannelPlatformArchVersionRELEASES"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/{version}/squirrel-mac": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Squirrel.Mac server mode: the update to install (204 when none) */
        get: operations["getUpdateOwnerAppChannelPlatformArchVersionSquirrelMac"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/{version}/tauri": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tauri's updater endpoint: the update to install (204 when none) */
        get: operations["getUpdateOwnerAppChannelPlatformArchVersionTauri"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The feed doctor: which release each feed gives a client, and why */
        get: operations["getUpdateOwnerAppChannelPlatformArchExplain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/releases.{velopackChannel}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Velopack's release feed */
        get: operations["getUpdateOwnerAppChannelPlatformArchReleasesVelopackChannelJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/update/{owner}/{app}/{channel}/{platform}/{arch}/RELEASES.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Squirrel.Mac JSON-file mode (update-electron-app, maker-zip) */
        get: operations["getUpdateOwnerAppChannelPlatformArchRELEASESJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Uploads a version: multipart "data" JSON and "file" parts, in any order / Upload a release file to a variant (X-Auth-Token with upload or admin scope; the file is app_file) */
        post: operations["postUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** tus 1.0 creation: opens a resumable upload of Upload-Length bytes; 201 with its Location */
        post: operations["postUploads"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** tus 1.0 termination: ends the upload and removes its bytes; 204 */
        delete: operations["deleteUploadsId"];
        options?: never;
        /** tus 1.0: how many bytes the upload has (Upload-Offset) of Upload-Length */
        head: operations["headUploadsId"];
        /** tus 1.0: appends the body (application/offset+octet-stream) at Upload-Offset; 204 */
        patch: operations["patchUploadsId"];
        trace?: never;
    };
    "/user/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates a team user */
        post: operations["postUserCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deletes a team user */
        delete: operations["deleteUserDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/user/update": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Changes a team user's name, password or permissions */
        post: operations["postUserUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The team users */
        get: operations["getUsersList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Uploads and downloads, newest first; paged by cursor or page */
        get: operations["getV1Activity"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The applications the key may see (an admin key sees all, with their customers) */
        get: operations["getV1Applications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{applicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One application */
        get: operations["getV1ApplicationsApplicationId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{applicationId}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An application's download statistics (a customer key sees its own downloads) */
        get: operations["getV1ApplicationsApplicationIdStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{applicationId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An application's versions (X-Channel: Test also lists disabled ones) */
        get: operations["getV1ApplicationsApplicationIdVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{applicationId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Enables, disables, (de)activates a version, or changes its notes or required tier */
        patch: operations["patchV1ApplicationsApplicationIdVersionsVersion"];
        trace?: never;
    };
    "/v1/applications/{applicationId}/versions/{version}/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A version's files */
        get: operations["getV1ApplicationsApplicationIdVersionsVersionFiles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first; the next page starts after lastEventId */
        get: operations["getV1Audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/downloads/d/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follows a share link (no credentials): 302 to a fresh download URL, 410 once expired */
        get: operations["getV1DownloadsDToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/downloads/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A public link to one file, valid 5 to 1440 minutes */
        post: operations["postV1DownloadsShare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/downloads/share/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Follows a share link (no credentials): 302 to a fresh download URL, 410 once expired */
        get: operations["getV1DownloadsShareToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/downloads/url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pre-signed download URL for a file of an entitled version, valid 30 minutes */
        get: operations["getV1DownloadsUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/admin/regenerate-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates or rotates the tenant admin's key (with the admin's Updraft JWT or the current key) */
        post: operations["postV1ManagementAdminRegenerateKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Creates an application (an Updraft app, private) and links customers to it */
        post: operations["postV1ManagementApplications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/applications/{applicationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deletes an application (soft: its id is never reused) */
        delete: operations["deleteV1ManagementApplicationsApplicationId"];
        options?: never;
        head?: never;
        /** Changes an application's name, description or tags */
        patch: operations["patchV1ManagementApplicationsApplicationId"];
        trace?: never;
    };
    "/v1/management/applications/{applicationId}/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Links and unlinks customers */
        put: operations["putV1ManagementApplicationsApplicationIdCustomers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/applications/{applicationId}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Enables, disables, (de)activates a version, or changes its notes or required tier */
        patch: operations["patchV1ManagementApplicationsApplicationIdVersionsVersion"];
        trace?: never;
    };
    "/v1/management/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The customers (paged when page, limit or pageSize is given) */
        get: operations["getV1ManagementCustomers"];
        put?: never;
        /** Creates a customer; the answer carries its API key, shown once */
        post: operations["postV1ManagementCustomers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One customer */
        get: operations["getV1ManagementCustomersCustomerId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Changes a customer's name, state, notes, e-mail, reference, license or tier */
        patch: operations["patchV1ManagementCustomersCustomerId"];
        trace?: never;
    };
    "/v1/management/customers/{customerId}/apikeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** With a "name": creates a customer under this parent (the SDKs); without: a new key for this customer */
        post: operations["postV1ManagementCustomersCustomerIdApikeys"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/customers/{customerId}/regenerate-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replaces a customer's API key (the old one stops working) */
        post: operations["postV1ManagementCustomersCustomerIdRegenerateKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's settings: the default channel whose releases customers see beside channel-less ones */
        get: operations["getV1ManagementSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Picks the default channel customers see (null or "" goes back to the channel named stable) */
        patch: operations["patchV1ManagementSettings"];
        trace?: never;
    };
    "/v1/management/share-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The share links, newest first */
        get: operations["getV1ManagementShareLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/share-links/{shareLinkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revokes a share link */
        delete: operations["deleteV1ManagementShareLinksShareLinkId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Small upload (up to 10 MB): JSON with base64 fileContent, or multipart with the fields before "file"; the version starts disabled */
        post: operations["postV1ManagementUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/upload/large-complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Completes a large upload: checks size and SHA-256, then creates the (disabled) version */
        post: operations["postV1ManagementUploadLargeComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/management/upload/large-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Opens a large upload: answers a URL to PUT the file to, valid 30 minutes */
        post: operations["postV1ManagementUploadLargeUrl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads/{tenantId}/{uploadId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** The local driver's signed upload URL: PUT the file's bytes (the signature is the credential) */
        put: operations["putV1UploadsTenantIdUploadId"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/velopack/{owner}/{app}/{platform}/{arch}/{package}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** FaynoSync's Velopack package URL: 302 to the package's /update/ URL */
        get: operations["getVelopackOwnerAppPlatformArchPackage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/velopack/{owner}/{app}/{platform}/{arch}/releases.{velopackChannel}.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** FaynoSync's Velopack feed URL: the /update/ feed of the channel in the file name */
        get: operations["getVelopackOwnerAppPlatformArchReleasesVelopackChannelJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller and its permissions */
        get: operations["getWhoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        BinDistError: {
            error: {
                code: string;
                details?: {
                    [key: string]: unknown;
                };
                message: string;
                timestamp: string;
            };
            /** @description A 401's message again, as BinDist's authorizer sends it */
            message?: string;
            meta: {
                requestId: string;
                version: string;
            };
            /** @constant */
            success: false;
        };
        /** @description What went wrong and what to do */
        ConsoleError: {
            details?: string;
            error: string;
        };
        /** @description What went wrong and what to do */
        FaynoSyncError: {
            details?: string;
            error: string;
        };
        /** @description What went wrong and what to do */
        FeedsError: {
            details?: string;
            error: string;
        };
        FenfaError: {
            error: {
                code: string;
                message: string;
            };
            /** @constant */
            ok: false;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getRoot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apps: {
                            AppName: string;
                            Artifacts: {
                                arch: string;
                                file_name: string;
                                id: string;
                                link: string;
                                package: string;
                                platform: string;
                                sha256: string;
                                sha512: string;
                                signature?: string;
                                size: number;
                            }[];
                            Changelog: {
                                Changes: string;
                                Date: string;
                                Version: string;
                            }[];
                            Channel: string;
                            Critical: boolean;
                            /** @description A 24-character hex id */
                            ID: string;
                            Intermediate: boolean;
                            Published: boolean;
                            RolloutPercent: number;
                            /** Format: date-time */
                            Updated_at: string;
                            Version: string;
                        }[];
                    };
                    "text/html": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"] | components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    putAdminApiAppsAppIDPublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    putAdminApiAppsAppIDUnpublish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                appID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminApiEvents: {
        parameters: {
            query?: {
                app_id?: string;
                from?: string;
                limit?: string;
                offset?: string;
                release_id?: string;
                to?: string;
                type?: "visit" | "click" | "download" | "upload";
                variant_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminApiProducts: {
        parameters: {
            query?: {
                limit?: string;
                offset?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    postAdminApiProducts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    description?: string;
                    name: string;
                    published?: boolean;
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminApiProductsProductID: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    putAdminApiProductsProductID: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productID: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    description?: string;
                    name?: string;
                    published?: boolean;
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    deleteAdminApiProductsProductID: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    postAdminApiProductsProductIDVariants: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productID: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    arch?: string;
                    display_name?: string;
                    identifier?: string;
                    installer_type?: string;
                    min_os?: string;
                    /** @enum {string} */
                    platform: "ios" | "android" | "macos" | "windows" | "linux";
                    published?: boolean;
                    sort_order?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    deleteAdminApiReleasesReleaseID: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                releaseID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminApiSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    putAdminApiSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    apple_issuer_id?: string;
                    apple_key_id?: string;
                    apple_private_key?: string;
                    apple_team_id?: string;
                    organization: string;
                    primary_domain: "" | string;
                    s3_access_key?: unknown;
                    s3_bucket?: unknown;
                    s3_endpoint?: unknown;
                    s3_public_url?: unknown;
                    s3_secret_key?: unknown;
                    secondary_domains?: string[];
                    storage_type?: unknown;
                    upload_domain?: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    postAdminApiTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    label: string;
                    scopes: ("upload" | "admin")[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    deleteAdminApiTokensId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminApiUploadConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    putAdminApiVariantsVariantID: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                variantID: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    arch?: string;
                    display_name?: string;
                    identifier?: string;
                    installer_type?: string;
                    min_os?: string;
                    /** @enum {string} */
                    platform?: "ios" | "android" | "macos" | "windows" | "linux";
                    published?: boolean;
                    sort_order?: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    deleteAdminApiVariantsVariantID: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                variantID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminApiVariantsVariantIDRetention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                variantID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Whether either rule is set (off by default) */
                            enabled: boolean;
                            /** @description Keep the releases uploaded in the last D days */
                            keep_days: number | null;
                            /** @description Keep the newest N releases */
                            keep_last: number | null;
                            variant_id: string;
                        };
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    putAdminApiVariantsVariantIDRetention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                variantID: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description Keep the releases uploaded in the last D days */
                    keep_days?: number | null;
                    /** @description Keep the newest N releases */
                    keep_last?: number | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The releases the policy deleted now */
                            deleted: {
                                build: number | null;
                                channel: string;
                                /** Format: date-time */
                                created_at: string;
                                file_name: string;
                                id: string;
                                size_bytes: number;
                                version: string;
                            }[];
                            /** @description Whether either rule is set (off by default) */
                            enabled: boolean;
                            /** @description Keep the releases uploaded in the last D days */
                            keep_days: number | null;
                            /** @description Keep the newest N releases */
                            keep_last: number | null;
                            variant_id: string;
                        };
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminApiVariantsVariantIDRetentionPreview: {
        parameters: {
            query?: {
                /** @description Keep the releases uploaded in the last D days */
                keep_days?: string;
                /** @description Keep the newest N releases */
                keep_last?: string;
            };
            header?: never;
            path: {
                variantID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Whether either rule is set (off by default) */
                            enabled: boolean;
                            /** @description How many releases the policy keeps */
                            keep: number;
                            /** @description Keep the releases uploaded in the last D days */
                            keep_days: number | null;
                            /** @description Keep the newest N releases */
                            keep_last: number | null;
                            /** @description The releases it would delete */
                            remove: {
                                build: number | null;
                                channel: string;
                                /** Format: date-time */
                                created_at: string;
                                file_name: string;
                                id: string;
                                size_bytes: number;
                                version: string;
                            }[];
                            variant_id: string;
                        };
                        /** @constant */
                        ok: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminApiVariantsVariantIDStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                variantID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminExportsEventsCsv: {
        parameters: {
            query?: {
                app_id?: string;
                from?: string;
                release_id?: string;
                to?: string;
                type?: "visit" | "click" | "download" | "upload";
                variant_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getAdminExportsReleasesCsv: {
        parameters: {
            query?: {
                app_id?: string;
                from?: string;
                to?: string;
                variant_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    postAdminUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description id */
                    id?: string;
                    /** @description At least 8 characters */
                    password?: string;
                    /** @description Letters, digits, "-", "_" and "." */
                    username?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                        token: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getApiProductsIdOrSlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getApiProductsSlugSlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    postAppCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description The JSON of the "data" form field */
                    data: {
                        /** @description The app name */
                        app?: string;
                        /** @description true or false (also as the strings "true"/"false") */
                        cdn?: boolean | string | null;
                        /** @description description */
                        description?: string;
                        /** @description Who may download a private app: "token" (default) or "unlisted" */
                        download_mode?: string;
                        /** @description The app to change (update only) */
                        id?: string;
                        /** @description true or false (also as the strings "true"/"false") */
                        private?: boolean | string | null;
                        /** @description true or false (also as the strings "true"/"false") */
                        reports?: boolean | string | null;
                        /** @description true or false (also as the strings "true"/"false") */
                        tuf?: boolean | string | null;
                    };
                    /**
                     * Format: binary
                     * @description The app's logo (an image)
                     */
                    file?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A 24-character hex id */
                        "createAppResult.Created": string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deleteAppDelete: {
        parameters: {
            query: {
                /** @description A 24-character hex id */
                id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        "deleteAppResult.DeletedCount": number;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getAppList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        apps: {
                            AppName: string;
                            CdnEdge: boolean;
                            Description: string;
                            /**
                             * @description Private apps only
                             * @enum {string}
                             */
                            DownloadMode?: "strict" | "unlisted";
                            /** @description A 24-character hex id */
                            ID: string;
                            /** @description The logo's URL, or '' */
                            Logo: string;
                            Owner: string;
                            Private: boolean;
                            Reports: boolean;
                            Tuf: boolean;
                            /** Format: date-time */
                            Updated_at: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postAppUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description The JSON of the "data" form field */
                    data: {
                        /** @description The app name */
                        app?: string;
                        /** @description true or false (also as the strings "true"/"false") */
                        cdn?: boolean | string | null;
                        /** @description description */
                        description?: string;
                        /** @description Who may download a private app: "token" (default) or "unlisted" */
                        download_mode?: string;
                        /** @description The app to change (update only) */
                        id?: string;
                        /** @description true or false (also as the strings "true"/"false") */
                        private?: boolean | string | null;
                        /** @description true or false (also as the strings "true"/"false") */
                        reports?: boolean | string | null;
                        /** @description true or false (also as the strings "true"/"false") */
                        tuf?: boolean | string | null;
                    };
                    /**
                     * Format: binary
                     * @description The app's logo (an image)
                     */
                    file?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        "updateAppResult.Updated": true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deleteAppsDelete: {
        parameters: {
            query: {
                /** @description A 24-character hex id */
                id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        "deleteSpecificAppResult.DeletedCount": number;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getAppsLatest: {
        parameters: {
            query?: {
                /** @description The app */
                app_name?: string;
                /** @description The architecture */
                arch?: string;
                /** @description The channel (optional when the app has none) */
                channel?: string;
                /** @description The app owner's (admin's) username */
                owner?: string;
                /** @description The package kind, such as exe or dmg */
                package?: string;
                /** @description The platform */
                platform?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: {
                            [key: string]: {
                                [key: string]: {
                                    [key: string]: {
                                        url: string;
                                    };
                                };
                            };
                        };
                    };
                };
            };
            /** @description The one matching file */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postAppsUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description The JSON of the "data" form field; "file" parts add artifacts */
                    data: {
                        /** @description app_name */
                        app_name?: string;
                        /** @description arch */
                        arch?: string;
                        /** @description Markdown */
                        changelog?: string;
                        /** @description channel */
                        channel?: string;
                        /** @description true or false (also as the strings "true"/"false") */
                        critical?: boolean | string | null;
                        /** @description The version to change */
                        id?: string;
                        /** @description true or false (also as the strings "true"/"false") */
                        intermediate?: boolean | string | null;
                        /** @description Sparkle: the oldest macOS the release runs on */
                        minimum_system_version?: string;
                        /** @description platform */
                        platform?: string;
                        /** @description true or false (also as the strings "true"/"false") */
                        publish?: boolean | string | null;
                        /** @description Percentage of devices offered the version, 0 to 100 (a number or digits) */
                        rollout?: number;
                        /** @description Updater signature of the file (Tauri, Sparkle) */
                        signature?: string;
                        /** @description Completed resumable uploads to add as files: [{"id":"<upload id>","name":"app-1.0.0.exe"}] (name defaults to the upload's filename) */
                        uploads?: unknown[];
                        /** @description Semver, or four parts such as 1.2.3.4 */
                        version?: string;
                    };
                    /** @description Files to add to the version */
                    file?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Only when data.uploads named resumable uploads: each stored file, size and SHA-256 */
                        artifacts?: {
                            file_name: string;
                            sha256: string;
                            size: number;
                        }[];
                        /** @constant */
                        "updatedResult.Updated": true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postArchCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The arch name */
                    arch?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A 24-character hex id */
                        "createArchResult.Created": string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deleteArchDelete: {
        parameters: {
            query: {
                /** @description A 24-character hex id */
                id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        "deleteArchResult.DeletedCount": number;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getArchList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        archs: {
                            ArchID: string;
                            /** @description A 24-character hex id */
                            ID: string;
                            Owner: string;
                            /** Format: date-time */
                            Updated_at: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postArchUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The arch name */
                    arch?: string;
                    /** @description id */
                    id?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        "updateArchResult.Updated": true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postArtifactDelete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    data: {
                        /** @description app_name */
                        app_name?: string;
                        /** @description Artifact ids or indexes */
                        artifacts_to_delete?: unknown[];
                        /** @description The version */
                        id?: string;
                        /** @description version */
                        version?: string;
                    };
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        deleteSpecificArtifactResult: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postChannelCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The channel name */
                    channel?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A 24-character hex id */
                        "createChannelResult.Created": string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deleteChannelDelete: {
        parameters: {
            query: {
                /** @description A 24-character hex id */
                id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        "deleteChannelResult.DeletedCount": number;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getChannelList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channels: {
                            ChannelName: string;
                            /** @description A 24-character hex id */
                            ID: string;
                            Owner: string;
                            /** Format: date-time */
                            Updated_at: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postChannelUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The channel name */
                    channel?: string;
                    /** @description id */
                    id?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        "updateChannelResult.Updated": true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getCheckVersion: {
        parameters: {
            query?: {
                /** @description The app */
                app_name?: string;
                /** @description The architecture */
                arch?: string;
                /** @description The channel (optional when the app has none) */
                channel?: string;
                /** @description The app owner's (admin's) username */
                owner?: string;
                /** @description The platform */
                platform?: string;
                /** @description The client's updater, such as electron-builder: the answer then names its feed */
                updater?: string;
                /** @description The running version, such as 1.2.3 */
                version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Also update_url_<ext>: the link of each file, by extension */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changelog?: string;
                        critical?: boolean;
                        /** @description "Not found" when nothing is published for the query */
                        error?: string;
                        is_intermediate_required?: boolean;
                        name?: string;
                        notes?: string;
                        possible_rollback?: boolean;
                        pub_date?: string;
                        rollout?: {
                            percent: number;
                            seed: string;
                        };
                        signature?: string;
                        update_available?: boolean;
                        url?: string;
                        version?: string;
                    } & {
                        [key: string]: string;
                    };
                };
            };
            /** @description No update, for updaters that are told so (Squirrel.Mac's and Tauri's answers) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The updater's feed (electron-builder and other feed updaters) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getConsoleAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The script or style sheet */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    postConsoleNotesPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    changelog: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        html: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    getConsolePageEvents: {
        parameters: {
            query: {
                /** @description The app's name */
                app: string;
                /** @description How many UTC days, today included (default 30) */
                days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    getConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send it as X-CSRF-Token on every write */
                        csrf: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    postConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    password: string;
                    username: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send it as X-CSRF-Token on every write */
                        csrf: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    deleteConsoleSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        updraft_session: "removed";
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    getDReleaseID: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                releaseID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getDocs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    getDocsAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                asset: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/javascript": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    getDownload: {
        parameters: {
            query?: {
                /** @description The artifact's storage key, as in its download link (required) */
                key?: string;
                redirect?: "0" | "1" | "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        download_url: string;
                    };
                };
            };
            /** @description Redirect to the download URL (redirect=1, or a download token) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deleteDownloadTokensDelete: {
        parameters: {
            query: {
                /** @description A 24-character hex id */
                id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getDownloadTokensList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        download_tokens: {
                            app_id: string;
                            app_name: string;
                            channel_id: string;
                            channel_name: string;
                            id: string;
                            token_prefix: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postDownloadTokensRegenerate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description app_id */
                    app_id?: string;
                    /** @description channel_id */
                    channel_id?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        app_id: string;
                        channel_id: string;
                        /** @description Shown once */
                        token: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    app_id?: string;
                    extra?: {
                        [key: string]: unknown;
                    };
                    release_id?: string;
                    /** @enum {string} */
                    type: "visit" | "click";
                    variant_id?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getFilesPrivateKey: {
        parameters: {
            query?: {
                /** @description Unix seconds, as signed (private files) */
                expires?: string;
                /** @description The file name to download as, as signed */
                name?: string;
                /** @description The signature (private files) */
                signature?: string;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes (Range supported) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getFilesPublicKey: {
        parameters: {
            query?: {
                /** @description Unix seconds, as signed (private files) */
                expires?: string;
                /** @description The file name to download as, as signed */
                name?: string;
                /** @description The signature (private files) */
                signature?: string;
            };
            header?: never;
            path: {
                key: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes (Range supported) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "healthy";
                    };
                };
            };
            /** @description OK */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reason: string;
                        /** @constant */
                        status: "degraded";
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getIconProductsProductID: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                productID: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    postLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description At least 8 characters */
                    password?: string;
                    /** @description Letters, digits, "-", "_" and "." */
                    username?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A JWT for Authorization: Bearer */
                        token: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    postPlatformCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The platform name */
                    platform?: string;
                    /** @description The updaters of the platform, such as [{"type":"electron-builder","default":true}] */
                    updaters?: unknown[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A 24-character hex id */
                        "createPlatformResult.Created": string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deletePlatformDelete: {
        parameters: {
            query: {
                /** @description A 24-character hex id */
                id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        "deletePlatformResult.DeletedCount": number;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getPlatformList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        platforms: {
                            /** @description A 24-character hex id */
                            ID: string;
                            Owner: string;
                            PlatformName: string;
                            /** Format: date-time */
                            Updated_at: string;
                            Updaters: {
                                default: boolean;
                                type: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postPlatformUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description id */
                    id?: string;
                    /** @description The platform name */
                    platform?: string;
                    /** @description The updaters of the platform, such as [{"type":"electron-builder","default":true}] */
                    updaters?: unknown[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        "updatePlatformResult.Updated": true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getProductsIdOrSlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                idOrSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FenfaError"];
                };
            };
        };
    };
    getProductsOwnerApp: {
        parameters: {
            query?: {
                /** @description Another channel than the default one */
                channel?: string;
            };
            header?: never;
            path: {
                /** @description The app's name */
                app: string;
                /** @description The app owner's (admin's) username */
                owner: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    postProductsOwnerAppDownloaded: {
        parameters: {
            query?: {
                /** @description The file's platform, as the page named it */
                platform?: string;
            };
            header?: never;
            path: {
                /** @description The app's name */
                app: string;
                /** @description The app owner's (admin's) username */
                owner: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConsoleError"];
                };
            };
        };
    };
    getReportKeysList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        report_keys: {
                            app_id: string;
                            app_name: string;
                            id: string;
                            key_value: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postReportKeysRegenerate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description app_id */
                    app_id?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        app_id: string;
                        key_value: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getReportsGroups: {
        parameters: {
            query?: {
                app?: string;
                /** @description ISO 8601 */
                from?: string;
                limit?: string;
                page?: string;
                status?: string;
                /** @description ISO 8601 */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            app_id: string;
                            application: {
                                channel: string;
                                name: string;
                                version: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            event: {
                                reason: string;
                                type: string;
                            };
                            group_hash: string;
                            id: string;
                            note?: string;
                            /** Format: date-time */
                            resolved_at?: string;
                            resolved_by?: string;
                            stats: {
                                count: number;
                                details_rejected: number;
                                details_stored: number;
                                /** Format: date-time */
                                first_seen: string;
                                /** Format: date-time */
                                last_seen: string;
                            };
                            status: string;
                            system: {
                                arch: string;
                                platform: string;
                            };
                            tags?: string[];
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                        limit: number;
                        page: number;
                        total: number;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deleteReportsGroupsHash: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        deleted: true;
                        group_hash: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    patchReportsGroupsHash: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hash: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description note */
                    note?: string;
                    /** @description open, resolved or ignored */
                    status?: string;
                    /** @description Tags (strings) */
                    tags?: unknown[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        group_hash: string;
                        /** @constant */
                        updated: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getReportsGroupsHashBlobs: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hash: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            app_id: string;
                            application: {
                                channel: string;
                                name: string;
                                version: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            event: {
                                reason: string;
                                type: string;
                            };
                            /** Format: date-time */
                            expires_at: string;
                            group_hash: string;
                            id: string;
                            storage: {
                                compressed_size: number;
                                /** @constant */
                                content_type: "application/json";
                                decompressed_size: number;
                                driver: string;
                                /** @constant */
                                encoding: "gzip";
                                key: string;
                            };
                            system: {
                                arch: string;
                                platform: string;
                            };
                            url: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postReportsIngest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description OK */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        group_hash: string;
                        /** @constant */
                        status: "accepted";
                        stored_details: boolean;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getSearch: {
        parameters: {
            query?: {
                /** @description The app (required) */
                app_name?: string;
                arch?: string;
                channel?: string;
                /** @description true or false (also as the strings "true"/"false") */
                critical?: boolean | string | null;
                /** @description 1 to 100 (default 9) */
                limit?: string;
                /** @description 1 to 1000000 (default 1) */
                page?: string;
                platform?: string;
                /** @description true or false (also as the strings "true"/"false") */
                published?: boolean | string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            AppName: string;
                            Artifacts: {
                                arch: string;
                                file_name: string;
                                id: string;
                                link: string;
                                package: string;
                                platform: string;
                                sha256: string;
                                sha512: string;
                                signature?: string;
                                size: number;
                            }[];
                            Changelog: {
                                Changes: string;
                                Date: string;
                                Version: string;
                            }[];
                            Channel: string;
                            Critical: boolean;
                            /** @description A 24-character hex id */
                            ID: string;
                            Intermediate: boolean;
                            Published: boolean;
                            RolloutPercent: number;
                            /** Format: date-time */
                            Updated_at: string;
                            Version: string;
                        }[];
                        limit: number;
                        page: number;
                        total: number;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postSignup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The sign-up key (API_KEY) */
                    api_key?: string;
                    /** @description At least 8 characters */
                    password?: string;
                    /** @description Letters, digits, "-", "_" and "." */
                    username?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        result: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getTelemetry: {
        parameters: {
            query?: {
                /** @description Comma-separated app names */
                apps?: string | string[];
                /** @description Comma-separated */
                architectures?: string | string[];
                /** @description Comma-separated */
                channels?: string | string[];
                /** @description YYYY-MM-DD (default today) */
                date?: string;
                /** @description Comma-separated */
                platforms?: string | string[];
                /** @description "week" or "month"; wins over date */
                range?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        admin: string;
                        architectures: {
                            arch: string;
                            client_count: number;
                        }[];
                        channels: {
                            channel: string;
                            client_count: number;
                        }[];
                        daily_stats: {
                            clients_outdated: number;
                            clients_using_latest_version: number;
                            date: string;
                            total_requests: number;
                            unique_clients: number;
                        }[];
                        date: string;
                        date_range: string[];
                        platforms: {
                            client_count: number;
                            platform: string;
                        }[];
                        summary: {
                            clients_outdated: number;
                            clients_using_latest_version: number;
                            total_active_apps: number;
                            total_requests: number;
                            unique_clients: number;
                        };
                        versions: {
                            known_versions: string[];
                            usage: {
                                client_count: number;
                                version: string;
                            }[];
                            used_versions_count: number;
                        };
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getTelemetryBeacon: {
        parameters: {
            query?: {
                /** @description The app */
                app_name?: string;
                /** @description The architecture */
                arch?: string;
                /** @description The channel (optional when the app has none) */
                channel?: string;
                /** @description true or false: whether the edge said no update was available */
                is_latest?: string;
                /** @description The app owner's (admin's) username */
                owner?: string;
                /** @description The platform */
                platform?: string;
                /** @description The version the check was made for */
                version?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counted (or not: whether the app exists is not told) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postTokenCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The app ids the token may upload to; all when absent */
                    allowed_apps?: unknown[];
                    /** @description ISO 8601 date-time; never when absent */
                    expires_at?: string;
                    /** @description name */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allowed_apps: string[] | null;
                        /** Format: date-time */
                        created_at: string;
                        expires_at: string | null;
                        id: string;
                        name: string;
                        /** @description The fns_ token, shown once */
                        token: string;
                        token_prefix: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deleteTokenDelete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description id */
                    id?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getTokenList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tokens: {
                            allowed_apps: string[] | null;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at?: string;
                            id: string;
                            /** Format: date-time */
                            last_used_at?: string;
                            name: string;
                            token_prefix: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getTufV1Rest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rest: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    putTufV1Rest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rest: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postTufV1Rest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rest: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deleteTufV1Rest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rest: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    patchTufV1Rest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                rest: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchAppcastXml: {
        parameters: {
            query?: {
                /** @description The running version: a required intermediate is then offered first */
                version?: string;
            };
            header?: never;
            path: {
                app: string;
                appcast: string;
                arch: string;
                channel: string;
                owner: string;
                platform: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/rss+xml; charset=utf-8": unknown;
                };
            };
            /** @description No update (formats that answer so) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchChannelFileLinuxYml: {
        parameters: {
            query?: {
                /** @description The running version: a required intermediate is then offered first */
                version?: string;
            };
            header?: never;
            path: {
                app: string;
                arch: string;
                channel: string;
                channelFile: string;
                owner: string;
                platform: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/yaml; charset=utf-8": unknown;
                };
            };
            /** @description No update (formats that answer so) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchChannelFileMacYml: {
        parameters: {
            query?: {
                /** @description The running version: a required intermediate is then offered first */
                version?: string;
            };
            header?: never;
            path: {
                app: string;
                arch: string;
                channel: string;
                channelFile: string;
                owner: string;
                platform: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/yaml; charset=utf-8": unknown;
                };
            };
            /** @description No update (formats that answer so) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchChannelFileYml: {
        parameters: {
            query?: {
                /** @description The running version: a required intermediate is then offered first */
                version?: string;
            };
            header?: never;
            path: {
                app: string;
                arch: string;
                channel: string;
                channelFile: string;
                owner: string;
                platform: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/yaml; charset=utf-8": unknown;
                };
            };
            /** @description No update (formats that answer so) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app */
                app: string;
                arch: string;
                /** @description The channel ("none" for an app without channels) */
                channel: string;
                file: string;
                /** @description The app owner's (admin's) username */
                owner: string;
                platform: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes (Range requests are answered with 206) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchVersionFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The app */
                app: string;
                arch: string;
                /** @description The channel ("none" for an app without channels) */
                channel: string;
                file: string;
                /** @description The app owner's (admin's) username */
                owner: string;
                platform: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes (Range requests are answered with 206) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": unknown;
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchVersionRELEASES: {
        parameters: {
            query?: {
                /** @description The installed version */
                localVersion?: string;
                /** @description The running version: a required intermediate is then offered first */
                version?: string;
            };
            header?: never;
            path: {
                app: string;
                arch: string;
                channel: string;
                owner: string;
                platform: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; charset=utf-8": unknown;
                };
            };
            /** @description No update (formats that answer so) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchVersionSquirrelMac: {
        parameters: {
            query?: {
                /** @description The running version: a required intermediate is then offered first */
                version?: string;
            };
            header?: never;
            path: {
                app: string;
                arch: string;
                channel: string;
                owner: string;
                platform: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": unknown;
                };
            };
            /** @description No update (formats that answer so) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchVersionTauri: {
        parameters: {
            query?: {
                /** @description Tauri's {{bundle_type}} */
                bundle_type?: string;
                /** @description The running version: a required intermediate is then offered first */
                version?: string;
            };
            header?: never;
            path: {
                app: string;
                arch: string;
                channel: string;
                owner: string;
                platform: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": unknown;
                };
            };
            /** @description No update (formats that answer so) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchExplain: {
        parameters: {
            query?: {
                /** @description The client's staging or device id */
                id?: string;
                updater?: "manual" | "squirrel_darwin" | "squirrel_windows" | "sparkle" | "electron-builder" | "tauri" | "velopack";
                /** @description The client's version */
                version?: string;
            };
            header?: never;
            path: {
                /** @description The app */
                app: string;
                arch: string;
                /** @description The channel ("none" for an app without channels) */
                channel: string;
                /** @description The app owner's (admin's) username */
                owner: string;
                platform: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchReleasesVelopackChannelJson: {
        parameters: {
            query?: {
                /** @description The package id (Velopack) */
                id?: string;
                /** @description The installed version */
                localVersion?: string;
                /** @description The installation's id, for a staged rollout */
                stagingId?: string;
            };
            header?: never;
            path: {
                app: string;
                arch: string;
                channel: string;
                owner: string;
                platform: string;
                velopackChannel: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": unknown;
                };
            };
            /** @description No update (formats that answer so) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getUpdateOwnerAppChannelPlatformArchRELEASESJson: {
        parameters: {
            query?: {
                /** @description The running version: a required intermediate is then offered first */
                version?: string;
            };
            header?: never;
            path: {
                app: string;
                arch: string;
                channel: string;
                owner: string;
                platform: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": unknown;
                };
            };
            /** @description No update (formats that answer so) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    postUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    build?: string;
                    changelog?: string;
                    channel?: string;
                    icon_base64?: string;
                    min_os?: string;
                    variant_id: string;
                    version?: string;
                };
                "multipart/form-data": {
                    /** @description The JSON of the "data" form field; "file" parts before or after it */
                    data: {
                        /** @description app_name */
                        app_name?: string;
                        /** @description arch */
                        arch?: string;
                        /** @description Markdown */
                        changelog?: string;
                        /** @description channel */
                        channel?: string;
                        /** @description true or false (also as the strings "true"/"false") */
                        critical?: boolean | string | null;
                        /** @description true or false (also as the strings "true"/"false") */
                        intermediate?: boolean | string | null;
                        /** @description Sparkle: the oldest macOS the release runs on */
                        minimum_system_version?: string;
                        /** @description platform */
                        platform?: string;
                        /** @description true or false (also as the strings "true"/"false") */
                        publish?: boolean | string | null;
                        /** @description Percentage of devices offered the version, 0 to 100 (a number or digits) */
                        rollout?: number;
                        /** @description Updater signature of the file (Tauri, Sparkle) */
                        signature?: string;
                        /** @description The updater the files are for, such as electron-builder or squirrel_windows */
                        updater?: string;
                        /** @description Completed resumable uploads to add as files: [{"id":"<upload id>","name":"app-1.0.0.exe"}] (name defaults to the upload's filename) */
                        uploads?: unknown[];
                        /** @description Semver, or four parts such as 1.2.3.4 */
                        version?: string;
                    };
                    /** @description The version's files, one part each */
                    file?: string[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Only when data.uploads named resumable uploads: each stored file, size and SHA-256 */
                        artifacts?: {
                            file_name: string;
                            sha256: string;
                            size: number;
                        }[];
                        /** @description A 24-character hex id */
                        "uploadResult.Uploaded": string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"] | components["schemas"]["FenfaError"];
                };
            };
        };
    };
    postUploads: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deleteUploadsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The upload id, the last segment of the Location POST /uploads answered */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    headUploadsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The upload id, the last segment of the Location POST /uploads answered */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    patchUploadsId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The upload id, the last segment of the Location POST /uploads answered */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postUserCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description At least 8 characters */
                    password?: string;
                    /** @description Per kind (apps, channels, platforms, archs): Create, Delete, Edit, (apps:) Download, Upload and Allowed (ids) */
                    permissions?: Record<string, never>;
                    /** @description Letters, digits, "-", "_" and "." */
                    username?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    deleteUserDelete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description id */
                    id?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    postUserUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description id */
                    id?: string;
                    /** @description At least 8 characters */
                    password?: string;
                    /** @description Per kind (apps, channels, platforms, archs): Create, Delete, Edit, (apps:) Download, Upload and Allowed (ids) */
                    permissions?: Record<string, never>;
                    /** @description Letters, digits, "-", "_" and "." */
                    username?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getUsersList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            /** @description A 24-character hex id */
                            id: string;
                            permissions: {
                                Apps: {
                                    Allowed: string[];
                                    Create: boolean;
                                    Delete: boolean;
                                    Download: boolean;
                                    Edit: boolean;
                                    Upload: boolean;
                                };
                                Archs: {
                                    Allowed: string[];
                                    Create: boolean;
                                    Delete: boolean;
                                    Edit: boolean;
                                };
                                Channels: {
                                    Allowed: string[];
                                    Create: boolean;
                                    Delete: boolean;
                                    Edit: boolean;
                                };
                                Platforms: {
                                    Allowed: string[];
                                    Create: boolean;
                                    Delete: boolean;
                                    Edit: boolean;
                                };
                            };
                            /** Format: date-time */
                            updated_at: string;
                            username: string;
                        }[];
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
    getV1Activity: {
        parameters: {
            query?: {
                applicationId?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                customerId?: string;
                endDate?: string;
                /** @description Page size (default 50) */
                limit?: number | string | "" | null;
                /** @description Page number, from 1 */
                page?: number | string | "" | null;
                /** @description Page size, the SDKs' name for limit */
                pageSize?: number | string | "" | null;
                startDate?: string;
                /** @description One of all, upload, uploads, download, downloads (any case) */
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1Applications: {
        parameters: {
            query?: {
                isActive?: boolean | ("true" | "false") | "" | null;
                /** @description Page size (default 20) */
                limit?: number | string | "" | null;
                /** @description Page number, from 1 */
                page?: number | string | "" | null;
                /** @description Page size, the SDKs' name for limit */
                pageSize?: number | string | "" | null;
                search?: string;
                /** @description One of name, createdAt, updatedAt (any case) */
                sortBy?: string;
                /** @description One of asc, desc (any case) */
                sortOrder?: string;
                /** @description Comma-separated tags; an application with any of them matches */
                tags?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applications: {
                                applicationId: string;
                                /** Format: date-time */
                                createdAt: string;
                                customers?: {
                                    customerId: string;
                                    name: string;
                                }[];
                                description: string;
                                isActive: boolean;
                                name: string;
                                tags: string[];
                                /** Format: date-time */
                                updatedAt: string;
                            }[];
                            isAdmin: boolean;
                            isFinancialAdmin: boolean;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1ApplicationsApplicationId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application id (its Updraft app name) */
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            isActive: boolean;
                            name: string;
                            tags: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1ApplicationsApplicationIdStats: {
        parameters: {
            query?: {
                /** @description Only this version */
                version?: "" | string;
            };
            header?: never;
            path: {
                /** @description The application id (its Updraft app name) */
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1ApplicationsApplicationIdVersions: {
        parameters: {
            query?: {
                /** @description Only versions whose notes contain this */
                changelog?: string;
            };
            header?: never;
            path: {
                /** @description The application id (its Updraft app name) */
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            versions: {
                                applicationId: string;
                                checksum: string | null;
                                /** Format: date-time */
                                createdAt: string;
                                downloadCount: number;
                                fileSize: number;
                                isActive: boolean;
                                isEnabled: boolean;
                                releaseNotes: string | null;
                                requiredTier: string | null;
                                /** Format: date-time */
                                updatedAt: string;
                                version: string;
                                versionId: string;
                            }[];
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    patchV1ApplicationsApplicationIdVersionsVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application id (its Updraft app name) */
                applicationId: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    isActive?: boolean | ("true" | "false") | "" | null;
                    isEnabled?: boolean | ("true" | "false") | "" | null;
                    /** @description Release notes (Markdown); null or "" clears them */
                    releaseNotes?: "" | null | string;
                    /** @description One of Basic, Premium, Enterprise (any case); null or "" clears it */
                    requiredTier?: "" | null | string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1ApplicationsApplicationIdVersionsVersionFiles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application id (its Updraft app name) */
                applicationId: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            files: {
                                checksum: string;
                                /** @constant */
                                checksumAlgorithm: "sha256";
                                description: string | null;
                                fileId: string;
                                fileName: string;
                                fileSize: number;
                                /** @enum {string} */
                                fileType: "MAIN" | "DEPENDENCY" | "DOCUMENTATION" | "CONFIGURATION";
                                order: number;
                            }[];
                            version: string;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1Audit: {
        parameters: {
            query?: {
                endDate?: string;
                eventType?: string;
                lastEventId?: string;
                limit?: number | string | "" | null;
                startDate?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1DownloadsDToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to a fresh download URL */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    postV1DownloadsShare: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description The application id (its Updraft app name)
                     * @example my-app
                     */
                    applicationId: string;
                    /** @description Minutes the link stays valid, 5 to 1440 (default 30) */
                    expiresInMinutes?: number | string | "" | null;
                    /** @description Minutes the link stays valid, 5 to 1440 (default 30) (the SDKs' name) */
                    expiresMinutes?: number | string | "" | null;
                    fileId?: string | null;
                    /** @example 1.2.0 */
                    version: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            /** Format: date-time */
                            expiresAt: string;
                            expiresInMinutes: number;
                            fileId: string;
                            fileName: string;
                            shareUrl: string;
                            token: string;
                            version: string;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1DownloadsShareToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to a fresh download URL */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1DownloadsUrl: {
        parameters: {
            query: {
                /** @description The application id (its Updraft app name) */
                applicationId: string;
                /** @description The file; the version's main file when absent */
                fileId?: "" | string;
                version: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            checksum: string;
                            /** @constant */
                            checksumAlgorithm: "sha256";
                            downloadId: string;
                            downloadUrl: string;
                            /** Format: date-time */
                            expiresAt: string;
                            fileId: string;
                            fileName: string;
                            fileSize: number;
                            url: string;
                            version: string;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    postV1ManagementAdminRegenerateKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    postV1ManagementApplications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    applicationId: string;
                    customerIds?: string[] | null;
                    description?: "" | null | string;
                    name: string;
                    tags?: string[] | null;
                };
            };
        };
        responses: {
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerIds: string[];
                            description: string;
                            isActive: boolean;
                            name: string;
                            tags: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    deleteV1ManagementApplicationsApplicationId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application id (its Updraft app name) */
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            /** Format: date-time */
                            deletedAt: string;
                            message: string;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    patchV1ManagementApplicationsApplicationId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application id (its Updraft app name) */
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    description?: "" | null | string;
                    name?: string;
                    tags?: string[] | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            isActive: boolean;
                            name: string;
                            tags: string[];
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    putV1ManagementApplicationsApplicationIdCustomers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application id (its Updraft app name) */
                applicationId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    addCustomerIds?: string[] | null;
                    removeCustomerIds?: string[] | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            added: string[];
                            applicationId: string;
                            customerIds: string[];
                            removed: string[];
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    patchV1ManagementApplicationsApplicationIdVersionsVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application id (its Updraft app name) */
                applicationId: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    isActive?: boolean | ("true" | "false") | "" | null;
                    isEnabled?: boolean | ("true" | "false") | "" | null;
                    /** @description Release notes (Markdown); null or "" clears them */
                    releaseNotes?: "" | null | string;
                    /** @description One of Basic, Premium, Enterprise (any case); null or "" clears it */
                    requiredTier?: "" | null | string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1ManagementCustomers: {
        parameters: {
            query?: {
                /** @description Page size (default 20) */
                limit?: number | string | "" | null;
                /** @description Page number, from 1 */
                page?: number | string | "" | null;
                /** @description Page size, the SDKs' name for limit */
                pageSize?: number | string | "" | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    postV1ManagementCustomers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    email?: "" | null | string;
                    isActive?: boolean | ("true" | "false") | "" | null;
                    license?: "" | null | string;
                    name: string;
                    notes?: "" | null | string;
                    reference?: "" | null | string;
                    /** @description One of Basic, Premium, Enterprise (any case); null or "" clears it */
                    tier?: "" | null | string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1ManagementCustomersCustomerId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    patchV1ManagementCustomersCustomerId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    email?: "" | null | string;
                    isActive?: boolean | ("true" | "false") | "" | null;
                    license?: "" | null | string;
                    name?: string;
                    notes?: "" | null | string;
                    reference?: "" | null | string;
                    /** @description One of Basic, Premium, Enterprise (any case); null or "" clears it */
                    tier?: "" | null | string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    postV1ManagementCustomersCustomerIdApikeys: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    email?: "" | null | string;
                    isActive?: boolean | ("true" | "false") | "" | null;
                    license?: "" | null | string;
                    name?: string;
                    notes?: "" | null | string;
                    reference?: "" | null | string;
                    /** @description One of Basic, Premium, Enterprise (any case); null or "" clears it */
                    tier?: "" | null | string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    postV1ManagementCustomersCustomerIdRegenerateKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1ManagementSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The channel customers see, or null when there is none */
                            defaultChannel: string | null;
                            /** @description false: the "stable" fallback */
                            defaultChannelPicked: boolean;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    patchV1ManagementSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description A channel name of the tenant, or null */
                    defaultChannel: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The channel customers see, or null when there is none */
                            defaultChannel: string | null;
                            /** @description false: the "stable" fallback */
                            defaultChannelPicked: boolean;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getV1ManagementShareLinks: {
        parameters: {
            query?: {
                /** @description The application id (its Updraft app name) */
                applicationId?: string;
                customerId?: string;
                includeExpired?: boolean | ("true" | "false") | "" | null;
                /** @description Page size (default 50) */
                limit?: number | string | "" | null;
                /** @description Page number, from 1 */
                page?: number | string | "" | null;
                /** @description Page size, the SDKs' name for limit */
                pageSize?: number | string | "" | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            shareLinks: {
                                applicationId: string;
                                /** Format: date-time */
                                createdAt: string;
                                /** @description Who made it: a customer id, or "admin" */
                                customerId: string;
                                expired: boolean;
                                /** Format: date-time */
                                expiresAt: string;
                                fileId: string;
                                shareLinkId: string;
                                tokenPrefix: string;
                                version: string;
                            }[];
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    deleteV1ManagementShareLinksShareLinkId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                shareLinkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            message: string;
                            /** Format: date-time */
                            revokedAt: string;
                            shareLinkId: string;
                        };
                        meta: {
                            pagination?: {
                                hasNext: boolean;
                                hasPrevious: boolean;
                                limit: number;
                                page: number;
                                total: number;
                            };
                            requestId: string;
                            version: string;
                        };
                        /** @constant */
                        success: true;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    postV1ManagementUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description The application id (its Updraft app name)
                     * @example my-app
                     */
                    applicationId: string;
                    description?: "" | null | string;
                    /** @description The file's bytes, base64 */
                    fileContent?: string | null;
                    fileName?: string;
                    /** @description One of MAIN, DEPENDENCY, DOCUMENTATION, CONFIGURATION (any case) */
                    fileType?: string;
                    /** @description Release notes (Markdown); null or "" clears them */
                    releaseNotes?: "" | null | string;
                    version: string;
                };
                "multipart/form-data": {
                    /**
                     * @description The application id (its Updraft app name)
                     * @example my-app
                     */
                    applicationId: string;
                    description?: "" | null | string;
                    /**
                     * Format: binary
                     * @description The file, after the other fields
                     */
                    file?: string;
                    fileName?: string;
                    /** @description One of MAIN, DEPENDENCY, DOCUMENTATION, CONFIGURATION (any case) */
                    fileType?: string;
                    /** @description Release notes (Markdown); null or "" clears them */
                    releaseNotes?: "" | null | string;
                    version: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    postV1ManagementUploadLargeComplete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description The application id (its Updraft app name)
                     * @example my-app
                     */
                    applicationId: string;
                    /** @description SHA-256 of the file, 64 hex characters ("sha256:" in front is accepted) */
                    checksum?: "" | null | string;
                    fileName: string;
                    fileSize: number | string;
                    /** @description Release notes (Markdown); null or "" clears them */
                    releaseNotes?: "" | null | string;
                    uploadId: string;
                    version: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    postV1ManagementUploadLargeUrl: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description The application id (its Updraft app name)
                     * @example my-app
                     */
                    applicationId: string;
                    /** @description SHA-256 of the file, 64 hex characters ("sha256:" in front is accepted) */
                    checksum?: "" | null | string;
                    contentType?: "" | null | string;
                    fileName: string;
                    fileSize: number | string;
                    version: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    putV1UploadsTenantIdUploadId: {
        parameters: {
            query?: {
                /** @description Unix seconds, as signed */
                expires?: string;
                signature?: string;
            };
            header?: never;
            path: {
                tenantId: string;
                uploadId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BinDistError"];
                };
            };
        };
    };
    getVelopackOwnerAppPlatformArchPackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                app: string;
                arch: string;
                owner: string;
                package: string;
                platform: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the package's /update/ URL */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getVelopackOwnerAppPlatformArchReleasesVelopackChannelJson: {
        parameters: {
            query?: {
                /** @description The package id (Velopack) */
                id?: string;
                /** @description The installed version */
                localVersion?: string;
                /** @description The installation's id, for a staged rollout */
                stagingId?: string;
            };
            header?: never;
            path: {
                app: string;
                arch: string;
                owner: string;
                platform: string;
                velopackChannel: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedsError"];
                };
            };
        };
    };
    getWhoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A 24-character hex id */
                        id: string;
                        /** @constant */
                        is_admin: true;
                        username: string;
                    } | {
                        /** @description A 24-character hex id */
                        id: string;
                        /** @constant */
                        is_admin: false;
                        /** @description The admin's username */
                        owner: string;
                        permissions: {
                            Apps: {
                                Allowed: string[];
                                Create: boolean;
                                Delete: boolean;
                                Download: boolean;
                                Edit: boolean;
                                Upload: boolean;
                            };
                            Archs: {
                                Allowed: string[];
                                Create: boolean;
                                Delete: boolean;
                                Edit: boolean;
                            };
                            Channels: {
                                Allowed: string[];
                                Create: boolean;
                                Delete: boolean;
                                Edit: boolean;
                            };
                            Platforms: {
                                Allowed: string[];
                                Create: boolean;
                                Delete: boolean;
                                Edit: boolean;
                            };
                        };
                        username: string;
                    };
                };
            };
            /** @description An error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FaynoSyncError"];
                };
            };
        };
    };
}
