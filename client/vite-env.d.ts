// Vite's types for what it bundles besides TypeScript (CSS imports, import.meta.env).
/// <reference types="vite/client" />
