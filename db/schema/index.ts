export * from "./auth";
export * from "./incidents";
export * from "./cases";
