import { describeRuleCases } from "./rule-cases";
import { cases } from "./cases/participation-sum";

describeRuleCases(cases);
