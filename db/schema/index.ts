export * from "./auth";
export * from "./incidents";
export * from "./cases";
export * from "./drafts";
export * from "./reviews";
