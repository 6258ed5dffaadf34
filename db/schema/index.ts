export * from "./auth";
export * from "./incidents";
