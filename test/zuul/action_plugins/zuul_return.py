# Test stand-in for Zuul's zuul_return action plugin: instead of handing the data to Zuul, it
# appends one JSON line per call to the file named by $VMT_ZUUL_RETURN_RECORD, with the task's
# arguments and, for `file`, the parsed content of that file (read the way Zuul reads it: on the
# controller, as JSON). It fails like Zuul's when the file is not valid JSON.
import json
import os

from ansible.errors import AnsibleActionFail
from ansible.plugins.action import ActionBase


class ActionModule(ActionBase):
    TRANSFERS_FILES = False

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        args = dict(self._task.args)
        record = {"args": args}
        path = args.get("file")
        if path:
            try:
                with open(path, "r") as handle:
                    record["file_data"] = json.load(handle)
            except (OSError, ValueError) as error:
                raise AnsibleActionFail("zuul_return: cannot read %s: %s" % (path, error))
        target = os.environ.get("VMT_ZUUL_RETURN_RECORD")
        if not target:
            raise AnsibleActionFail("zuul_return stub: VMT_ZUUL_RETURN_RECORD is not set")
        with open(target, "a") as handle:
            handle.write(json.dumps(record, sort_keys=True) + "\n")
        result["changed"] = False
        return result
