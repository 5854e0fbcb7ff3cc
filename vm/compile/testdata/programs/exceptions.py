try:
    a = 1
except ValueError:
    b = 2
except (TypeError, KeyError) as e:
    c = e
except:
    raise
else:
    d = 4
finally:
    f = 5

def returns_in_finally():
    try:
        return 1
    finally:
        print("finally")

def loop_control():
    for i in range(10):
        try:
            if i == 1:
                continue
            if i == 5:
                break
        finally:
            print(i)
    while True:
        try:
            break
        except Exception as e:
            return e

def handler_return():
    try:
        pass
    except Exception as e:
        return e
    except:
        return 2

def nested():
    try:
        try:
            raise ValueError
        except ValueError:
            raise TypeError
        finally:
            x = 1
    except TypeError as err:
        try:
            pass
        finally:
            return err

def withs(path):
    with open(path) as f, lock:
        data = f.read()
    with cm() as (a, b):
        return a
    for x in y:
        with m:
            continue

def finally_return():
    try:
        x = 1
    finally:
        return x

def star():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as e:
        print(e)
    except* TypeError:
        pass

def reraise_from():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("bad") from e

def finally_in_except():
    try:
        pass
    except E:
        try:
            return 1
        finally:
            print(2)

def continue_in_finally_after_return():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue

def return_in_handler_with_finally():
    try:
        pass
    except E as e:
        return e
    finally:
        print("done")
