/// <reference types="vite/client" />

/** The id of this client build (see vite.config.ts); `dev` under the dev server. */
declare const __BUILD_ID__: string;
