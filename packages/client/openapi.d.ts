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
    "/admin/api/apple/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The devices of the Apple developer account, as App Store Connect lists them (every page) */
        get: operations["getAdminApiAppleDevices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/apple/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the Apple API key is configured and Apple accepts it (lists one device) */
        get: operations["getAdminApiAppleStatus"];
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
    "/admin/api/devices/{deviceID}/register-apple": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a device with the Apple developer account of the settings (found by UDID first) */
        post: operations["postAdminApiDevicesDeviceIDRegisterApple"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/devices/register-apple": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register the devices named, or every unregistered device when the body is empty, with Apple */
        post: operations["postAdminApiDevicesRegisterApple"];
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
    "/admin/api/ios_devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** iOS devices that bound a UDID, newest first; variant_id and app_id filter through the bindings */
        get: operations["getAdminApiIosDevices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/ios_variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The iOS variants with their products, for the device filter */
        get: operations["getAdminApiIosVariants"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api/parse-app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read an IPA or APK and answer what it holds; nothing is stored (admin token) */
        post: operations["postAdminApiParseApp"];
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
    "/admin/api/smart-upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an IPA or APK whose version, build, min OS, bundle id, profile and icon are read from it (form fields override all but the bundle id); /smart-upload takes an upload or admin token, /admin/api/smart-upload an admin token; upload_id may name a finished resumable upload in place of app_file */
        post: operations["postAdminApiSmartUpload"];
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
        /** Create an X-Auth-Token, shown once (the tenant admin's login or console session) */
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
    "/admin/exports/ios_devices.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every iOS device as CSV (streamed) */
        get: operations["getAdminExportsIosDevicesCsv"];
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
    "/docs/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The document the reference page shows: this one without the Fenfa face but its health check */
        get: operations["getDocsOpenapiJson"];
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
    "/ios/{releaseID}/manifest.plist": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The over-the-air manifest of an iOS release, for iOS only (the user agent names iPhone, iPad, iPod, Darwin, CFNetwork or appstored); its URLs are on the primary and CDN domains, https in production */
        get: operations["getIosReleaseIDManifestPlist"];
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
    "/smart-upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an IPA or APK whose version, build, min OS, bundle id, profile and icon are read from it (form fields override all but the bundle id); /smart-upload takes an upload or admin token, /admin/api/smart-upload an admin token; upload_id may name a finished resumable upload in place of app_file */
        post: operations["postSmartUpload"];
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
    "/udid/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Where iOS posts the device's signed attributes after the profile is installed: binds the device to the variant and answers 301 to the product page (a retry with the same nonce gets the same 301) */
        post: operations["postUdidCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/udid/profile.mobileconfig": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Profile Service profile that makes an iPhone or iPad send its UDID for an iOS variant; sets the cookie udid_nonce (10 minutes, one use) */
        get: operations["getUdidProfileMobileconfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/udid/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether a device was bound: with variant, whether that nonce (or the udid_nonce cookie) bound one for it; without, whether the udid_bound cookie is set */
        get: operations["getUdidStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
        /** Uploads a version: multipart "data" JSON and "file" parts, in any order / Upload a release file to a variant (X-Auth-Token with upload or admin scope; the file is app_file, or upload_id names a finished resumable upload) */
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
    getAdminApiAppleDevices: {
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
                            items: {
                                attributes: {
                                    addedDate?: string;
                                    deviceClass?: string;
                                    model?: string | null;
                                    name: string;
                                    platform: string;
                                    status?: string;
                                    udid: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                id: string;
                                /** @constant */
                                type: "devices";
                            }[];
                            total: number;
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
    getAdminApiAppleStatus: {
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
                            configured: boolean;
                            connected: boolean;
                            message: string;
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
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            published: boolean;
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
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            published: boolean;
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
    postAdminApiDevicesDeviceIDRegisterApple: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deviceID: string;
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
                            apple_device_id: string;
                            message: string;
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
    postAdminApiDevicesRegisterApple: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    device_ids?: string[];
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
                            fail_count: number;
                            results: {
                                apple_device_id?: string;
                                device_id: string;
                                error?: string;
                                message?: string;
                                success: boolean;
                            }[];
                            success_count: number;
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
                content: {
                    "application/json": {
                        data: {
                            items: {
                                app_id: string | null;
                                extra: {
                                    [key: string]: unknown;
                                };
                                ip: string | null;
                                release_id: string | null;
                                /** Format: date-time */
                                ts: string;
                                /** @enum {string} */
                                type: "visit" | "click" | "download" | "upload";
                                ua: string | null;
                                variant_id: string | null;
                            }[];
                            total: number;
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
    getAdminApiIosDevices: {
        parameters: {
            query?: {
                app_id?: string;
                from?: string;
                limit?: string;
                offset?: string;
                q?: string;
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
                content: {
                    "application/json": {
                        data: {
                            items: {
                                apple_device_id: string | null;
                                apple_registered: boolean;
                                apple_registered_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                device_name: string;
                                /** @description dev_… id */
                                id: string;
                                last_ip: string | null;
                                /** @description The model identifier the device reported, e.g. iPhone14,2 */
                                model: string;
                                os_version: string;
                                /** @description Whether that answer's CMS signature checked out with the certificate it carried (no chain to Apple's CA is checked) */
                                signature_verified: boolean;
                                udid: string;
                                /**
                                 * Format: date-time
                                 * @description When the device last answered a UDID profile
                                 */
                                verified_at: string;
                            }[];
                            total: number;
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
    getAdminApiIosVariants: {
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
                            items: {
                                device_count: number;
                                display_name: string;
                                id: string;
                                identifier: string;
                                product_id: string;
                                product_name: string;
                                published: boolean;
                            }[];
                            total: number;
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
    postAdminApiParseApp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The .ipa or .apk (streamed to storage, read there, never held in memory)
                     */
                    app_file?: string;
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
                            app_name: string;
                            build: string;
                            bundle_id: string;
                            file_name: string;
                            file_size: number;
                            /** @description The app icon as a PNG (or WebP) data URL */
                            icon_base64?: string;
                            /** @description Why there is no icon */
                            icon_note?: string;
                            /** @description e.g. "iOS 15.0" */
                            min_os?: string;
                            /** @constant */
                            platform: "ios";
                            provisioning_profile?: {
                                app_id_name: string;
                                app_id_prefix: string;
                                bundle_id: string;
                                certificates: {
                                    /** Format: date-time */
                                    creation_date: string;
                                    /** Format: date-time */
                                    expiry_date: string;
                                    name: string;
                                    serial_number: string;
                                    sha1: string;
                                }[];
                                /** Format: date-time */
                                creation_date?: string;
                                device_count: number;
                                entitlements: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                expiration_date?: string;
                                name: string;
                                platform: string;
                                /** @enum {string} */
                                profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                provisioned_devices: string[];
                                provisions_all_devices: boolean;
                                signature_verified: boolean;
                                team_id: string;
                                team_name: string;
                                uuid: string;
                            };
                            version: string;
                        } | {
                            app_name: string;
                            file_name: string;
                            file_size: number;
                            /** @description The app icon as a PNG (or WebP) data URL */
                            icon_base64?: string;
                            /** @description Why there is no icon */
                            icon_note?: string;
                            /** @description e.g. "Android 24" */
                            min_sdk?: string;
                            package_name: string;
                            /** @constant */
                            platform: "android";
                            target_sdk?: string;
                            version_code: number;
                            version_name: string;
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
                content: {
                    "application/json": {
                        data: {
                            items: {
                                /** Format: date-time */
                                created_at: string;
                                /** @description prd_… */
                                id: string;
                                name: string;
                                published: boolean;
                                slug: string;
                                /** Format: date-time */
                                updated_at: string;
                                variant_count: number;
                            }[];
                            total: number;
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            product: {
                                /** Format: date-time */
                                created_at: string;
                                description: string;
                                /** @description The icon's URL, or '' when the product has none */
                                icon_url: string;
                                /** @description prd_… */
                                id: string;
                                name: string;
                                published: boolean;
                                slug: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                            variants: {
                                arch: string;
                                /** Format: date-time */
                                created_at: string;
                                display_name: string;
                                /** @description var_… */
                                id: string;
                                identifier: string;
                                installer_type: string;
                                latest_release: {
                                    actions: {
                                        download: string;
                                        /** @description iOS releases only: the itms-services link */
                                        ios_install?: string;
                                        /** @description iOS releases only */
                                        ios_manifest?: string;
                                        release_page: string;
                                    };
                                    build: number | null;
                                    /** @description The bundle id read from the package; '' when it was never read */
                                    bundle_id: string;
                                    changelog: string;
                                    channel: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    download_count: number;
                                    file_ext: string;
                                    file_name: string;
                                    /** @description rel_… */
                                    id: string;
                                    min_os: string;
                                    /** @description An iOS release's embedded.mobileprovision */
                                    provisioning_profile?: {
                                        app_id_name: string;
                                        app_id_prefix: string;
                                        bundle_id: string;
                                        certificates: {
                                            /** Format: date-time */
                                            creation_date: string;
                                            /** Format: date-time */
                                            expiry_date: string;
                                            name: string;
                                            serial_number: string;
                                            sha1: string;
                                        }[];
                                        /** Format: date-time */
                                        creation_date?: string;
                                        device_count: number;
                                        entitlements: {
                                            [key: string]: unknown;
                                        };
                                        /** Format: date-time */
                                        expiration_date?: string;
                                        name: string;
                                        platform: string;
                                        /** @enum {string} */
                                        profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                        provisioned_devices: string[];
                                        provisions_all_devices: boolean;
                                        signature_verified: boolean;
                                        team_id: string;
                                        team_name: string;
                                        uuid: string;
                                    };
                                    sha256: string;
                                    size_bytes: number;
                                    variant_id: string;
                                    version: string;
                                } | null;
                                legacy_app_id: null;
                                min_os: string;
                                platform: string;
                                product_id: string;
                                published: boolean;
                                /** @description Newest first */
                                releases: {
                                    actions: {
                                        download: string;
                                        /** @description iOS releases only: the itms-services link */
                                        ios_install?: string;
                                        /** @description iOS releases only */
                                        ios_manifest?: string;
                                        release_page: string;
                                    };
                                    build: number | null;
                                    /** @description The bundle id read from the package; '' when it was never read */
                                    bundle_id: string;
                                    changelog: string;
                                    channel: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    download_count: number;
                                    file_ext: string;
                                    file_name: string;
                                    /** @description rel_… */
                                    id: string;
                                    min_os: string;
                                    /** @description An iOS release's embedded.mobileprovision */
                                    provisioning_profile?: {
                                        app_id_name: string;
                                        app_id_prefix: string;
                                        bundle_id: string;
                                        certificates: {
                                            /** Format: date-time */
                                            creation_date: string;
                                            /** Format: date-time */
                                            expiry_date: string;
                                            name: string;
                                            serial_number: string;
                                            sha1: string;
                                        }[];
                                        /** Format: date-time */
                                        creation_date?: string;
                                        device_count: number;
                                        entitlements: {
                                            [key: string]: unknown;
                                        };
                                        /** Format: date-time */
                                        expiration_date?: string;
                                        name: string;
                                        platform: string;
                                        /** @enum {string} */
                                        profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                        provisioned_devices: string[];
                                        provisions_all_devices: boolean;
                                        signature_verified: boolean;
                                        team_id: string;
                                        team_name: string;
                                        uuid: string;
                                    };
                                    sha256: string;
                                    size_bytes: number;
                                    variant_id: string;
                                    version: string;
                                }[];
                                sort_order: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
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
                content: {
                    "application/json": {
                        data: {
                            product: {
                                /** Format: date-time */
                                created_at: string;
                                description: string;
                                /** @description The icon's URL, or '' when the product has none */
                                icon_url: string;
                                /** @description prd_… */
                                id: string;
                                name: string;
                                published: boolean;
                                slug: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                            variants: {
                                arch: string;
                                /** Format: date-time */
                                created_at: string;
                                display_name: string;
                                /** @description var_… */
                                id: string;
                                identifier: string;
                                installer_type: string;
                                latest_release: {
                                    actions: {
                                        download: string;
                                        /** @description iOS releases only: the itms-services link */
                                        ios_install?: string;
                                        /** @description iOS releases only */
                                        ios_manifest?: string;
                                        release_page: string;
                                    };
                                    build: number | null;
                                    /** @description The bundle id read from the package; '' when it was never read */
                                    bundle_id: string;
                                    changelog: string;
                                    channel: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    download_count: number;
                                    file_ext: string;
                                    file_name: string;
                                    /** @description rel_… */
                                    id: string;
                                    min_os: string;
                                    /** @description An iOS release's embedded.mobileprovision */
                                    provisioning_profile?: {
                                        app_id_name: string;
                                        app_id_prefix: string;
                                        bundle_id: string;
                                        certificates: {
                                            /** Format: date-time */
                                            creation_date: string;
                                            /** Format: date-time */
                                            expiry_date: string;
                                            name: string;
                                            serial_number: string;
                                            sha1: string;
                                        }[];
                                        /** Format: date-time */
                                        creation_date?: string;
                                        device_count: number;
                                        entitlements: {
                                            [key: string]: unknown;
                                        };
                                        /** Format: date-time */
                                        expiration_date?: string;
                                        name: string;
                                        platform: string;
                                        /** @enum {string} */
                                        profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                        provisioned_devices: string[];
                                        provisions_all_devices: boolean;
                                        signature_verified: boolean;
                                        team_id: string;
                                        team_name: string;
                                        uuid: string;
                                    };
                                    sha256: string;
                                    size_bytes: number;
                                    variant_id: string;
                                    version: string;
                                } | null;
                                legacy_app_id: null;
                                min_os: string;
                                platform: string;
                                product_id: string;
                                published: boolean;
                                /** @description Newest first */
                                releases: {
                                    actions: {
                                        download: string;
                                        /** @description iOS releases only: the itms-services link */
                                        ios_install?: string;
                                        /** @description iOS releases only */
                                        ios_manifest?: string;
                                        release_page: string;
                                    };
                                    build: number | null;
                                    /** @description The bundle id read from the package; '' when it was never read */
                                    bundle_id: string;
                                    changelog: string;
                                    channel: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    download_count: number;
                                    file_ext: string;
                                    file_name: string;
                                    /** @description rel_… */
                                    id: string;
                                    min_os: string;
                                    /** @description An iOS release's embedded.mobileprovision */
                                    provisioning_profile?: {
                                        app_id_name: string;
                                        app_id_prefix: string;
                                        bundle_id: string;
                                        certificates: {
                                            /** Format: date-time */
                                            creation_date: string;
                                            /** Format: date-time */
                                            expiry_date: string;
                                            name: string;
                                            serial_number: string;
                                            sha1: string;
                                        }[];
                                        /** Format: date-time */
                                        creation_date?: string;
                                        device_count: number;
                                        entitlements: {
                                            [key: string]: unknown;
                                        };
                                        /** Format: date-time */
                                        expiration_date?: string;
                                        name: string;
                                        platform: string;
                                        /** @enum {string} */
                                        profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                        provisioned_devices: string[];
                                        provisions_all_devices: boolean;
                                        signature_verified: boolean;
                                        team_id: string;
                                        team_name: string;
                                        uuid: string;
                                    };
                                    sha256: string;
                                    size_bytes: number;
                                    variant_id: string;
                                    version: string;
                                }[];
                                sort_order: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
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
                content: {
                    "application/json": {
                        data: {
                            product: {
                                /** Format: date-time */
                                created_at: string;
                                description: string;
                                /** @description The icon's URL, or '' when the product has none */
                                icon_url: string;
                                /** @description prd_… */
                                id: string;
                                name: string;
                                published: boolean;
                                slug: string;
                                /** Format: date-time */
                                updated_at: string;
                            };
                            variants: {
                                arch: string;
                                /** Format: date-time */
                                created_at: string;
                                display_name: string;
                                /** @description var_… */
                                id: string;
                                identifier: string;
                                installer_type: string;
                                latest_release: {
                                    actions: {
                                        download: string;
                                        /** @description iOS releases only: the itms-services link */
                                        ios_install?: string;
                                        /** @description iOS releases only */
                                        ios_manifest?: string;
                                        release_page: string;
                                    };
                                    build: number | null;
                                    /** @description The bundle id read from the package; '' when it was never read */
                                    bundle_id: string;
                                    changelog: string;
                                    channel: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    download_count: number;
                                    file_ext: string;
                                    file_name: string;
                                    /** @description rel_… */
                                    id: string;
                                    min_os: string;
                                    /** @description An iOS release's embedded.mobileprovision */
                                    provisioning_profile?: {
                                        app_id_name: string;
                                        app_id_prefix: string;
                                        bundle_id: string;
                                        certificates: {
                                            /** Format: date-time */
                                            creation_date: string;
                                            /** Format: date-time */
                                            expiry_date: string;
                                            name: string;
                                            serial_number: string;
                                            sha1: string;
                                        }[];
                                        /** Format: date-time */
                                        creation_date?: string;
                                        device_count: number;
                                        entitlements: {
                                            [key: string]: unknown;
                                        };
                                        /** Format: date-time */
                                        expiration_date?: string;
                                        name: string;
                                        platform: string;
                                        /** @enum {string} */
                                        profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                        provisioned_devices: string[];
                                        provisions_all_devices: boolean;
                                        signature_verified: boolean;
                                        team_id: string;
                                        team_name: string;
                                        uuid: string;
                                    };
                                    sha256: string;
                                    size_bytes: number;
                                    variant_id: string;
                                    version: string;
                                } | null;
                                legacy_app_id: null;
                                min_os: string;
                                platform: string;
                                product_id: string;
                                published: boolean;
                                /** @description Newest first */
                                releases: {
                                    actions: {
                                        download: string;
                                        /** @description iOS releases only: the itms-services link */
                                        ios_install?: string;
                                        /** @description iOS releases only */
                                        ios_manifest?: string;
                                        release_page: string;
                                    };
                                    build: number | null;
                                    /** @description The bundle id read from the package; '' when it was never read */
                                    bundle_id: string;
                                    changelog: string;
                                    channel: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    download_count: number;
                                    file_ext: string;
                                    file_name: string;
                                    /** @description rel_… */
                                    id: string;
                                    min_os: string;
                                    /** @description An iOS release's embedded.mobileprovision */
                                    provisioning_profile?: {
                                        app_id_name: string;
                                        app_id_prefix: string;
                                        bundle_id: string;
                                        certificates: {
                                            /** Format: date-time */
                                            creation_date: string;
                                            /** Format: date-time */
                                            expiry_date: string;
                                            name: string;
                                            serial_number: string;
                                            sha1: string;
                                        }[];
                                        /** Format: date-time */
                                        creation_date?: string;
                                        device_count: number;
                                        entitlements: {
                                            [key: string]: unknown;
                                        };
                                        /** Format: date-time */
                                        expiration_date?: string;
                                        name: string;
                                        platform: string;
                                        /** @enum {string} */
                                        profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                        provisioned_devices: string[];
                                        provisions_all_devices: boolean;
                                        signature_verified: boolean;
                                        team_id: string;
                                        team_name: string;
                                        uuid: string;
                                    };
                                    sha256: string;
                                    size_bytes: number;
                                    variant_id: string;
                                    version: string;
                                }[];
                                sort_order: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
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
                content: {
                    "application/json": {
                        data: {
                            /** @constant */
                            deleted: true;
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            variant: {
                                arch: string;
                                /** Format: date-time */
                                created_at: string;
                                display_name: string;
                                /** @description var_… */
                                id: string;
                                identifier: string;
                                installer_type: string;
                                legacy_app_id: null;
                                min_os: string;
                                platform: string;
                                product_id: string;
                                published: boolean;
                                sort_order: number;
                                /** Format: date-time */
                                updated_at: string;
                            };
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
                content: {
                    "application/json": {
                        data: {
                            /** @constant */
                            deleted: true;
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
                content: {
                    "application/json": {
                        data: {
                            apple_configured: boolean;
                            apple_key_id: string | null;
                            apple_team_id: string | null;
                            organization: string;
                            primary_domain: string;
                            s3_bucket: string;
                            s3_configured: boolean;
                            s3_endpoint: string;
                            s3_public_url: string;
                            secondary_domains: string[];
                            /**
                             * @description Updraft's STORAGE_DRIVER
                             * @enum {string}
                             */
                            storage_type: "local" | "s3";
                            updated_at: string | null;
                            /** @constant */
                            upload_domain: "";
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
                content: {
                    "application/json": {
                        data: {
                            apple_configured: boolean;
                            apple_key_id: string | null;
                            apple_team_id: string | null;
                            organization: string;
                            primary_domain: string;
                            s3_bucket: string;
                            s3_configured: boolean;
                            s3_endpoint: string;
                            s3_public_url: string;
                            secondary_domains: string[];
                            /**
                             * @description Updraft's STORAGE_DRIVER
                             * @enum {string}
                             */
                            storage_type: "local" | "s3";
                            updated_at: string | null;
                            /** @constant */
                            upload_domain: "";
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
    postAdminApiSmartUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The .ipa or .apk (streamed to storage, read there, never held in memory); or send upload_id (a finished resumable upload) instead
                     */
                    app_file?: string;
                    build?: string;
                    changelog?: string;
                    channel?: string;
                    /** @description With upload_id: the package's file name, when not the upload's own filename */
                    filename?: string;
                    icon_base64?: string;
                    min_os?: string;
                    /** @description With no variant_id: the product's variant of the package's platform whose identifier is its bundle id (or its only one) */
                    product_id?: string;
                    /** @description In place of app_file: a finished resumable upload (tus, POST /uploads with this X-Auth-Token), by its id or its Location URL */
                    upload_id?: string;
                    /** @description The variant; without it, product_id and the package choose one */
                    variant_id?: string;
                    version?: string;
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
                            app: {
                                /** @description The package's bundle id or package name */
                                bundle_id: string;
                                /** @description The variant's id (Fenfa's legacy app id) */
                                id: string;
                                name: string;
                                platform: string;
                                product_id: string;
                                variant_id: string;
                            };
                            release: {
                                build: number | null;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                version: string;
                            };
                            urls: {
                                download: string;
                                /** @description The itms-services:// link; "" for other platforms */
                                ios_install: string;
                                /** @description "" for other platforms */
                                ios_manifest: string;
                                page: string;
                                release_page: string;
                            };
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
                content: {
                    "application/json": {
                        data: {
                            items: {
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                label: string;
                                last_used_at: string | null;
                                scopes: ("upload" | "admin")[];
                                token_prefix: string;
                            }[];
                            total: number;
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            label: string;
                            scopes: ("upload" | "admin")[];
                            /** @description fft_…, shown once */
                            token: string;
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
                content: {
                    "application/json": {
                        data: {
                            /** @constant */
                            deleted: true;
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
                content: {
                    "application/json": {
                        data: {
                            /** @description Updraft's UPLOAD_MAX_BYTES */
                            max_upload_bytes: number;
                            /** @enum {string} */
                            storage_type: "local" | "s3";
                            /** @constant */
                            upload_domain: "";
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
                content: {
                    "application/json": {
                        data: {
                            variant: {
                                arch: string;
                                /** Format: date-time */
                                created_at: string;
                                display_name: string;
                                /** @description var_… */
                                id: string;
                                identifier: string;
                                installer_type: string;
                                legacy_app_id: null;
                                min_os: string;
                                platform: string;
                                product_id: string;
                                published: boolean;
                                sort_order: number;
                                /** Format: date-time */
                                updated_at: string;
                            };
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
                content: {
                    "application/json": {
                        data: {
                            /** @constant */
                            deleted: true;
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
                content: {
                    "application/json": {
                        data: {
                            product: {
                                /** @description prd_… */
                                id: string;
                                name: string;
                                slug: string;
                            };
                            releases: {
                                actions: {
                                    download: string;
                                    /** @description iOS releases only: the itms-services link */
                                    ios_install?: string;
                                    /** @description iOS releases only */
                                    ios_manifest?: string;
                                    release_page: string;
                                };
                                build: number | null;
                                /** @description The bundle id read from the package; '' when it was never read */
                                bundle_id: string;
                                changelog: string;
                                channel: string;
                                /** Format: date-time */
                                created_at: string;
                                download_count: number;
                                file_ext: string;
                                file_name: string;
                                /** @description rel_… */
                                id: string;
                                min_os: string;
                                /** @description An iOS release's embedded.mobileprovision */
                                provisioning_profile?: {
                                    app_id_name: string;
                                    app_id_prefix: string;
                                    bundle_id: string;
                                    certificates: {
                                        /** Format: date-time */
                                        creation_date: string;
                                        /** Format: date-time */
                                        expiry_date: string;
                                        name: string;
                                        serial_number: string;
                                        sha1: string;
                                    }[];
                                    /** Format: date-time */
                                    creation_date?: string;
                                    device_count: number;
                                    entitlements: {
                                        [key: string]: unknown;
                                    };
                                    /** Format: date-time */
                                    expiration_date?: string;
                                    name: string;
                                    platform: string;
                                    /** @enum {string} */
                                    profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                    provisioned_devices: string[];
                                    provisions_all_devices: boolean;
                                    signature_verified: boolean;
                                    team_id: string;
                                    team_name: string;
                                    uuid: string;
                                };
                                sha256: string;
                                size_bytes: number;
                                variant_id: string;
                                version: string;
                            }[];
                            total_downloads: number;
                            variant: {
                                arch: string;
                                /** Format: date-time */
                                created_at: string;
                                display_name: string;
                                /** @description var_… */
                                id: string;
                                identifier: string;
                                installer_type: string;
                                legacy_app_id: null;
                                min_os: string;
                                platform: string;
                                product_id: string;
                                published: boolean;
                                sort_order: number;
                                /** Format: date-time */
                                updated_at: string;
                            };
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
            /** @description CSV, a header line first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
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
    getAdminExportsIosDevicesCsv: {
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
            /** @description udid, device_name, model, os_version, created_at, verified_at */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
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
            /** @description CSV, a header line first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": unknown;
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
                content: {
                    "application/json": {
                        data: {
                            product: {
                                /** @description The icon's URL, or '' when the product has none */
                                icon_url: string;
                                /** @description prd_… */
                                id: string;
                                name: string;
                                published: boolean;
                                slug: string;
                            };
                            /** @description Published variants, with the releases clients may see */
                            variants: {
                                arch: string;
                                /** Format: date-time */
                                created_at: string;
                                display_name: string;
                                /** @description var_… */
                                id: string;
                                identifier: string;
                                installer_type: string;
                                latest_release: {
                                    actions: {
                                        download: string;
                                        /** @description iOS releases only: the itms-services link */
                                        ios_install?: string;
                                        /** @description iOS releases only */
                                        ios_manifest?: string;
                                        release_page: string;
                                    };
                                    build: number | null;
                                    /** @description The bundle id read from the package; '' when it was never read */
                                    bundle_id: string;
                                    changelog: string;
                                    channel: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    download_count: number;
                                    file_ext: string;
                                    file_name: string;
                                    /** @description rel_… */
                                    id: string;
                                    min_os: string;
                                    /** @description An iOS release's embedded.mobileprovision */
                                    provisioning_profile?: {
                                        bundle_id: string;
                                        /** Format: date-time */
                                        creation_date?: string;
                                        device_count: number;
                                        /** Format: date-time */
                                        expiration_date?: string;
                                        name: string;
                                        platform: string;
                                        /** @enum {string} */
                                        profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                        provisions_all_devices: boolean;
                                        team_name: string;
                                        uuid: string;
                                    };
                                    sha256: string;
                                    size_bytes: number;
                                    variant_id: string;
                                    version: string;
                                } | null;
                                legacy_app_id: null;
                                min_os: string;
                                platform: string;
                                product_id: string;
                                published: boolean;
                                /** @description Newest first */
                                releases: {
                                    actions: {
                                        download: string;
                                        /** @description iOS releases only: the itms-services link */
                                        ios_install?: string;
                                        /** @description iOS releases only */
                                        ios_manifest?: string;
                                        release_page: string;
                                    };
                                    build: number | null;
                                    /** @description The bundle id read from the package; '' when it was never read */
                                    bundle_id: string;
                                    changelog: string;
                                    channel: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    download_count: number;
                                    file_ext: string;
                                    file_name: string;
                                    /** @description rel_… */
                                    id: string;
                                    min_os: string;
                                    /** @description An iOS release's embedded.mobileprovision */
                                    provisioning_profile?: {
                                        bundle_id: string;
                                        /** Format: date-time */
                                        creation_date?: string;
                                        device_count: number;
                                        /** Format: date-time */
                                        expiration_date?: string;
                                        name: string;
                                        platform: string;
                                        /** @enum {string} */
                                        profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                        provisions_all_devices: boolean;
                                        team_name: string;
                                        uuid: string;
                                    };
                                    sha256: string;
                                    size_bytes: number;
                                    variant_id: string;
                                    version: string;
                                }[];
                                sort_order: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
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
                content: {
                    "application/json": {
                        data: {
                            product: {
                                /** @description The icon's URL, or '' when the product has none */
                                icon_url: string;
                                /** @description prd_… */
                                id: string;
                                name: string;
                                published: boolean;
                                slug: string;
                            };
                            /** @description Published variants, with the releases clients may see */
                            variants: {
                                arch: string;
                                /** Format: date-time */
                                created_at: string;
                                display_name: string;
                                /** @description var_… */
                                id: string;
                                identifier: string;
                                installer_type: string;
                                latest_release: {
                                    actions: {
                                        download: string;
                                        /** @description iOS releases only: the itms-services link */
                                        ios_install?: string;
                                        /** @description iOS releases only */
                                        ios_manifest?: string;
                                        release_page: string;
                                    };
                                    build: number | null;
                                    /** @description The bundle id read from the package; '' when it was never read */
                                    bundle_id: string;
                                    changelog: string;
                                    channel: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    download_count: number;
                                    file_ext: string;
                                    file_name: string;
                                    /** @description rel_… */
                                    id: string;
                                    min_os: string;
                                    /** @description An iOS release's embedded.mobileprovision */
                                    provisioning_profile?: {
                                        bundle_id: string;
                                        /** Format: date-time */
                                        creation_date?: string;
                                        device_count: number;
                                        /** Format: date-time */
                                        expiration_date?: string;
                                        name: string;
                                        platform: string;
                                        /** @enum {string} */
                                        profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                        provisions_all_devices: boolean;
                                        team_name: string;
                                        uuid: string;
                                    };
                                    sha256: string;
                                    size_bytes: number;
                                    variant_id: string;
                                    version: string;
                                } | null;
                                legacy_app_id: null;
                                min_os: string;
                                platform: string;
                                product_id: string;
                                published: boolean;
                                /** @description Newest first */
                                releases: {
                                    actions: {
                                        download: string;
                                        /** @description iOS releases only: the itms-services link */
                                        ios_install?: string;
                                        /** @description iOS releases only */
                                        ios_manifest?: string;
                                        release_page: string;
                                    };
                                    build: number | null;
                                    /** @description The bundle id read from the package; '' when it was never read */
                                    bundle_id: string;
                                    changelog: string;
                                    channel: string;
                                    /** Format: date-time */
                                    created_at: string;
                                    download_count: number;
                                    file_ext: string;
                                    file_name: string;
                                    /** @description rel_… */
                                    id: string;
                                    min_os: string;
                                    /** @description An iOS release's embedded.mobileprovision */
                                    provisioning_profile?: {
                                        bundle_id: string;
                                        /** Format: date-time */
                                        creation_date?: string;
                                        device_count: number;
                                        /** Format: date-time */
                                        expiration_date?: string;
                                        name: string;
                                        platform: string;
                                        /** @enum {string} */
                                        profile_type: "enterprise" | "development" | "app-store" | "ad-hoc" | "distribution";
                                        provisions_all_devices: boolean;
                                        team_name: string;
                                        uuid: string;
                                    };
                                    sha256: string;
                                    size_bytes: number;
                                    variant_id: string;
                                    version: string;
                                }[];
                                sort_order: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
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
                content: {
                    "application/json": {
                        app: string;
                        /** @description Days with at least one event, oldest first */
                        days: {
                            /** Format: date */
                            day: string;
                            downloads: number;
                            visits: number;
                        }[];
                        /**
                         * Format: date
                         * @description The first UTC day counted
                         */
                        from: string;
                        /** @description Per visitor platform family ('' when not recognised), most visits first */
                        platforms: {
                            downloads: number;
                            platform: string;
                            visits: number;
                        }[];
                        /**
                         * Format: date
                         * @description Today (UTC)
                         */
                        to: string;
                        totals: {
                            downloads: number;
                            visits: number;
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
            /** @description The file's bytes (Range requests are answered with 206) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": unknown;
                };
            };
            /** @description The requested range */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": unknown;
                };
            };
            /** @description Redirect to the file in the public S3 bucket (S3 storage) */
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
    getDocsOpenapiJson: {
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
                    "application/json": {
                        components: {
                            schemas: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                            securitySchemes: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                        };
                        info: {
                            description: string;
                            title: string;
                            version: string;
                        };
                        /** @constant */
                        openapi: "3.1.0";
                        paths: {
                            [key: string]: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                        };
                        servers?: {
                            url: string;
                        }[];
                        tags: {
                            description?: string;
                            name: string;
                        }[];
                        "x-tagGroups": {
                            name: string;
                            tags: string[];
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
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
                content: {
                    "application/json": {
                        data: {
                            /** @constant */
                            status: "ok";
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
            /** @description The icon's bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/*": unknown;
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
    getIosReleaseIDManifestPlist: {
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
            /** @description The manifest (itms-services) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": unknown;
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
                    "application/json": {
                        components: {
                            schemas: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                            securitySchemes: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                        };
                        info: {
                            description: string;
                            title: string;
                            version: string;
                        };
                        /** @constant */
                        openapi: "3.1.0";
                        paths: {
                            [key: string]: {
                                [key: string]: {
                                    [key: string]: unknown;
                                };
                            };
                        };
                        servers?: {
                            url: string;
                        }[];
                        tags: {
                            description?: string;
                            name: string;
                        }[];
                        "x-tagGroups": {
                            name: string;
                            tags: string[];
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
    postSmartUpload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The .ipa or .apk (streamed to storage, read there, never held in memory); or send upload_id (a finished resumable upload) instead
                     */
                    app_file?: string;
                    build?: string;
                    changelog?: string;
                    channel?: string;
                    /** @description With upload_id: the package's file name, when not the upload's own filename */
                    filename?: string;
                    icon_base64?: string;
                    min_os?: string;
                    /** @description With no variant_id: the product's variant of the package's platform whose identifier is its bundle id (or its only one) */
                    product_id?: string;
                    /** @description In place of app_file: a finished resumable upload (tus, POST /uploads with this X-Auth-Token), by its id or its Location URL */
                    upload_id?: string;
                    /** @description The variant; without it, product_id and the package choose one */
                    variant_id?: string;
                    version?: string;
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
                            app: {
                                /** @description The package's bundle id or package name */
                                bundle_id: string;
                                /** @description The variant's id (Fenfa's legacy app id) */
                                id: string;
                                name: string;
                                platform: string;
                                product_id: string;
                                variant_id: string;
                            };
                            release: {
                                build: number | null;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                version: string;
                            };
                            urls: {
                                download: string;
                                /** @description The itms-services:// link; "" for other platforms */
                                ios_install: string;
                                /** @description "" for other platforms */
                                ios_manifest: string;
                                page: string;
                                release_page: string;
                            };
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
            /** @description TUF metadata is not published */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
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
            /** @description TUF metadata is not published */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
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
            /** @description TUF metadata is not published */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
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
            /** @description TUF metadata is not published */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
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
            /** @description TUF metadata is not published */
            501: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
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
    postUdidCallback: {
        parameters: {
            query: {
                nonce: string;
                variant: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/pkcs7-signature": string;
            };
        };
        responses: {
            /** @description To <primary domain>/products/<slug>?udid_bound=1&variant=<id>; sets udid_bound=1 */
            301: {
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
    getUdidProfileMobileconfig: {
        parameters: {
            query: {
                variant: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The unsigned profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-apple-aspen-config": unknown;
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
    getUdidStatus: {
        parameters: {
            query?: {
                nonce?: string;
                variant?: string;
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
                            bound: boolean;
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
                    "application/json; charset=utf-8": {
                        name: string;
                        /** @description The changelog, as uploaded */
                        notes: string;
                        /**
                         * Format: date-time
                         * @description Whole seconds, the only form Squirrel parses
                         */
                        pub_date: string;
                        url: string;
                    };
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
                    "application/json; charset=utf-8": {
                        notes: string;
                        /** Format: date-time */
                        pub_date: string;
                        signature: string;
                        url: string;
                        version: string;
                    };
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
                content: {
                    "application/json": {
                        client: {
                            id: string | null;
                            version: string | null;
                        };
                        feed: {
                            app: string;
                            arch: string | null;
                            /** @description The feed folder's URL */
                            base: string;
                            channel: string | null;
                            owner: string;
                            platform: string | null;
                        };
                        feeds: {
                            /** @description The version the client would update to */
                            offers: string | null;
                            /** @description The path after the feed folder that was asked */
                            path: string;
                            reason: string;
                            status: number;
                            updater: string;
                        }[];
                        /** @description The answer in one sentence */
                        sentence: string;
                        /** @description Every version of the app, newest first */
                        versions: {
                            channel: string | null;
                            critical: boolean;
                            eligible: boolean;
                            /** @description The version's files for this platform and arch */
                            files: string[];
                            intermediate: boolean;
                            published: boolean;
                            reason: string;
                            rollout: {
                                /** @description The client's bucket, when an id was given */
                                bucket?: number;
                                included?: boolean;
                                percent: number;
                            };
                            version: string;
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
                    "application/json; charset=utf-8": {
                        /** @description Newest release first, each release's full package first */
                        Assets: {
                            FileName: string;
                            NotesHtml: string;
                            NotesMarkdown: string;
                            PackageId: string;
                            /** @description Upper-case hex */
                            SHA1: string;
                            /** @description Upper-case hex */
                            SHA256: string;
                            Size: number;
                            /** @enum {string} */
                            Type: "Full" | "Delta";
                            Version: string;
                        }[];
                    };
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
                    "application/json; charset=utf-8": {
                        /** @description The newest release with a zip */
                        currentRelease: string;
                        releases: {
                            updateTo: {
                                name: string;
                                /** @description The changelog, as uploaded */
                                notes: string;
                                /**
                                 * Format: date-time
                                 * @description Whole seconds, the only form Squirrel parses
                                 */
                                pub_date: string;
                                url: string;
                                version: string;
                            };
                            version: string;
                        }[];
                    };
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
                } | {
                    /**
                     * Format: binary
                     * @description The package, of a type the variant's platform takes (streamed, never held in memory); or send upload_id (a finished resumable upload) instead
                     */
                    app_file?: string;
                    build?: string;
                    changelog?: string;
                    channel?: string;
                    /** @description With upload_id: the package's file name, when not the upload's own filename */
                    filename?: string;
                    icon_base64?: string;
                    min_os?: string;
                    /** @description In place of app_file: a finished resumable upload (tus, POST /uploads with this X-Auth-Token), by its id or its Location URL */
                    upload_id?: string;
                    variant_id: string;
                    version?: string;
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
            /** @description OK */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            app: {
                                /** @description The package's bundle id or package name */
                                bundle_id: string;
                                /** @description The variant's id (Fenfa's legacy app id) */
                                id: string;
                                name: string;
                                platform: string;
                                product_id: string;
                                variant_id: string;
                            };
                            release: {
                                build: number | null;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                version: string;
                            };
                            urls: {
                                download: string;
                                /** @description The itms-services:// link; "" for other platforms */
                                ios_install: string;
                                /** @description "" for other platforms */
                                ios_manifest: string;
                                page: string;
                                release_page: string;
                            };
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
            /** @description Opened: Location names the upload, Upload-Offset is 0 */
            201: {
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
                    "application/json": components["schemas"]["FaynoSyncError"] | components["schemas"]["FenfaError"];
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
            /** @description Ended: its bytes are removed */
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
                    "application/json": components["schemas"]["FaynoSyncError"] | components["schemas"]["FenfaError"];
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
            /** @description Upload-Offset and Upload-Length say how far the upload is */
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
                    "application/json": components["schemas"]["FaynoSyncError"] | components["schemas"]["FenfaError"];
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
            /** @description Appended: Upload-Offset is the new offset */
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
                    "application/json": components["schemas"]["FaynoSyncError"] | components["schemas"]["FenfaError"];
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
                content: {
                    "application/json": {
                        data: {
                            activities: {
                                applicationId: string;
                                applicationName: string;
                                clientIp: string | null;
                                /** @description A customer id, or "admin" */
                                customerId: string;
                                customerName: string | null;
                                /** @description Downloads: how the file was fetched */
                                downloadSource?: string;
                                fileId: string | null;
                                fileName: string | null;
                                fileSize: number | null;
                                id: string;
                                /** @description Uploads */
                                ipChanged?: boolean | null;
                                /** @description Uploads */
                                previousIp?: string | null;
                                /** @description Downloads: the share link's prefix */
                                shareToken?: string | null;
                                /** Format: date-time */
                                timestamp: string;
                                /** @enum {string} */
                                type: "upload" | "download";
                                /** @description Uploads: direct or large */
                                uploadMethod?: string;
                                userAgent: string | null;
                                version: string;
                            }[];
                            count: number;
                            filters: {
                                applicationId?: string;
                                customerId?: string;
                                /** Format: date-time */
                                endDate?: string;
                                /** Format: date-time */
                                startDate?: string;
                                /** @enum {string} */
                                type: "all" | "upload" | "download";
                            };
                            pagination: {
                                hasMore: boolean;
                                nextCursor: string | null;
                            };
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
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            /** @description By UTC day, YYYY-MM-DD */
                            downloadsByDate: {
                                [key: string]: number;
                            };
                            /** @description The same, newest day first */
                            downloadsByDay: {
                                count: number;
                                date: string;
                            }[];
                            downloadsByVersion: {
                                [key: string]: number;
                            };
                            recentDownloads: {
                                customerId: string;
                                /** Format: date-time */
                                downloadedAt: string;
                                version: string;
                            }[];
                            totalDownloads: number;
                            uniqueCustomers: number;
                            /** @description When the query named one */
                            version?: string;
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
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            isActive: boolean;
                            isEnabled: boolean;
                            message: string;
                            releaseNotes: string | null;
                            requiredTier: string | null;
                            /** Format: date-time */
                            updatedAt: string;
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
                content: {
                    "application/json": {
                        data: {
                            events: {
                                actor: string;
                                clientIp: string | null;
                                details: {
                                    [key: string]: unknown;
                                };
                                eventId: string;
                                eventType: string;
                                outcome: string;
                                /** Format: date-time */
                                timestamp: string;
                                userAgent: string | null;
                            }[];
                            pagination: {
                                hasMore: boolean;
                                lastEventId: string | null;
                            };
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
                content: {
                    "application/json": {
                        data: {
                            /** @description Shown once */
                            apiKey: string;
                            /** @description The part of apiKey after its dot (older SDKs read it) */
                            apiSecret: string;
                            /** @constant */
                            customerId: "admin";
                            /** Format: date-time */
                            regeneratedAt: string;
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
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            isActive: boolean;
                            isEnabled: boolean;
                            message: string;
                            releaseNotes: string | null;
                            requiredTier: string | null;
                            /** Format: date-time */
                            updatedAt: string;
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
                content: {
                    "application/json": {
                        data: {
                            customers: {
                                /** Format: date-time */
                                createdAt: string;
                                customerId: string;
                                email: string | null;
                                isActive: boolean;
                                /** @description The start of the customer's key, to tell keys apart */
                                keyPrefix: string;
                                lastUsedAt: string | null;
                                license: string | null;
                                name: string;
                                notes: string | null;
                                parentCustomerId: string | null;
                                reference: string | null;
                                tier: string | null;
                                /** Format: date-time */
                                updatedAt: string;
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Shown once */
                            apiKey: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string;
                            email: string | null;
                            isActive: boolean;
                            lastUsedAt: string | null;
                            license: string | null;
                            name: string;
                            notes: string | null;
                            parentCustomerId: string | null;
                            reference: string | null;
                            tier: string | null;
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
                content: {
                    "application/json": {
                        data: {
                            applicationIds: string[];
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string;
                            email: string | null;
                            isActive: boolean;
                            /** @description The start of the customer's key, to tell keys apart */
                            keyPrefix: string;
                            lastUsedAt: string | null;
                            license: string | null;
                            name: string;
                            notes: string | null;
                            parentCustomerId: string | null;
                            reference: string | null;
                            tier: string | null;
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
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string;
                            email: string | null;
                            isActive: boolean;
                            /** @description The start of the customer's key, to tell keys apart */
                            keyPrefix: string;
                            lastUsedAt: string | null;
                            license: string | null;
                            name: string;
                            notes: string | null;
                            parentCustomerId: string | null;
                            reference: string | null;
                            tier: string | null;
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
            /** @description With a "name": the customer created; without: the new key of the customer */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description Shown once */
                            apiKey: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string;
                            email: string | null;
                            isActive: boolean;
                            lastUsedAt: string | null;
                            license: string | null;
                            name: string;
                            notes: string | null;
                            parentCustomerId: string | null;
                            reference: string | null;
                            tier: string | null;
                            /** Format: date-time */
                            updatedAt: string;
                        } | {
                            apiKey: string;
                            /** Format: date-time */
                            createdAt: string;
                            customerId: string;
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
                content: {
                    "application/json": {
                        data: {
                            /** @description Shown once */
                            apiKey: string;
                            /** @description The part of apiKey after its dot (older SDKs read it) */
                            apiSecret: string;
                            customerId: string;
                            /** Format: date-time */
                            regeneratedAt: string;
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            checksum: string | null;
                            fileId: string | null;
                            fileName: string | null;
                            fileSize: number;
                            fileType: ("MAIN" | "DEPENDENCY" | "DOCUMENTATION" | "CONFIGURATION") | null;
                            /** @constant */
                            isEnabled: false;
                            message: string;
                            version: string;
                            versionId: string;
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
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applicationId: string;
                            checksum: string | null;
                            fileId: string | null;
                            fileName: string | null;
                            fileSize: number;
                            fileType: ("MAIN" | "DEPENDENCY" | "DOCUMENTATION" | "CONFIGURATION") | null;
                            /** @constant */
                            isEnabled: false;
                            message: string;
                            version: string;
                            versionId: string;
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
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            expiresAt: string;
                            headers: {
                                "Content-Type": string;
                            };
                            /** @constant */
                            method: "PUT";
                            uploadId: string;
                            /** @description PUT the file here, with the headers below */
                            uploadUrl: string;
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
            /** @description Stored: the body is empty, as from a pre-signed S3 URL */
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
            /** @description The feed document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json; charset=utf-8": {
                        /** @description Newest release first, each release's full package first */
                        Assets: {
                            FileName: string;
                            NotesHtml: string;
                            NotesMarkdown: string;
                            PackageId: string;
                            /** @description Upper-case hex */
                            SHA1: string;
                            /** @description Upper-case hex */
                            SHA256: string;
                            Size: number;
                            /** @enum {string} */
                            Type: "Full" | "Delta";
                            Version: string;
                        }[];
                    };
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
