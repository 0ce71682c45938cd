/*---
description: multi-agent tests need $262.agent workers, which the harness host does not start
---*/
$262.agent.start('$262.agent.receiveBroadcast(function () { $262.agent.report(1); $262.agent.leaving(); });');
